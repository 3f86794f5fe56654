using System.Net;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>An invite link past its lifetime never opens the bill again; sessions opened with it go on.</summary>
public sealed class InviteLifetimeTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:Security:InviteLifetime"] = "00:00:01",
    };

    [Fact]
    public async Task AnExpiredInviteNeverOpensTheBillAgainButItsSessionsGoOn()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var early = NewBrowser();
        await early.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var created = DateTime.UtcNow;

        await Task.Delay(TimeSpan.FromSeconds(1.2) - (DateTime.UtcNow - created));
        using var late = await NewBrowser().JoinAsync(bill.Invites["citizen"], "Dominique");
        var (previewStatus, preview) = await NewBrowser().GetJsonAsync("api/join/" + new Uri(bill.Invites["citizen"]).Segments[^1]);

        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("\"invite-expired\"", await late.Content.ReadAsStringAsync().Bounded(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, previewStatus);
        Assert.Equal("invite-expired", preview.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await early.GetJsonAsync($"api/bills/{bill.BillId}/me")).Status);
    }
}
