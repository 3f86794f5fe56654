using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// A person types offline, and meanwhile the facilitator revokes their invite: back online, the page says the
/// edits are kept on this device and cannot be sent (instead of dropping them or pretending they are saved),
/// and the server holds none of them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RevokedOfflineEditsTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task EditsMadeOfflineBySomeoneRevokedMeanwhileAreSaidToBeKeptHereAndNotSent()
    {
        using var facilitator = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = fixture.Server.BaseUri,
            Timeout = TimeSpan.FromSeconds(15),
        };
        using var created = await facilitator.PostAsJsonAsync(new Uri("api/bills", UriKind.Relative),
            new { title = "Accès retiré", preamble = "Texte.", displayName = "Fatou Animatrice" }).Within();
        created.EnsureSuccessStatusCode();
        var bill = await created.Content.ReadFromJsonAsync<BillApi.CreatedBill>().Within() ?? throw new InvalidOperationException("no bill");

        await using var alice = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        await a.AddArticleAsync();
        await a.TypeInArticleAsync(1, "Base.");
        await Bounded.Eventually(a.PendingAsync, n => n == 0, "Alice's base text acknowledged");

        await alice.SetOfflineAsync(true).Within();
        await a.WaitForStatusAsync("offline");
        await a.TypeInArticleAsync(1, " Gardé ici.");
        Assert.True(await a.PendingAsync() > 0, "offline edits are counted as unsynchronised");

        var invite = bill.Invites.First(i => i.Role == "citizen");
        using (var revoked = await facilitator.DeleteAsync(new Uri($"api/bills/{bill.BillId}/invites/{invite.Id}", UriKind.Relative)).Within())
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        await alice.SetOfflineAsync(false).Within();
        var pending = a.Page.Locator("[data-testid=pending-count][data-stranded=true]");
        await pending.WaitForAsync(new() { Timeout = 30_000 }).Within(TimeSpan.FromSeconds(31));
        var said = await pending.TextContentAsync().Within() ?? "";
        Assert.Contains("gardée", said, StringComparison.Ordinal);
        Assert.Contains("ne peu", said, StringComparison.Ordinal);
        Assert.True(await a.PendingAsync() > 0, "the edits are still counted, not dropped");
        Assert.Contains("Gardé ici.", await a.ArticleTextAsync(1), StringComparison.Ordinal);

        // The server has none of it.
        var current = await facilitator.GetFromJsonAsync<JsonElement>(new Uri($"api/bills/{bill.BillId}/versions/current", UriKind.Relative)).Within();
        Assert.DoesNotContain("Gardé ici.", current.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Base.", current.GetRawText(), StringComparison.Ordinal);
    }
}
