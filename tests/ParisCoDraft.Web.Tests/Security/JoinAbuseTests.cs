using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>Guessing invite secrets and flooding a bill with joins meet the rate limiter: 429 with Retry-After.</summary>
public sealed class JoinAbuseTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:Security:JoinBurstPerAddress"] = "8",
        ["ParisCoDraft:Security:JoinsPerMinutePerAddress"] = "1",
        ["ParisCoDraft:Security:JoinBurstPerBill"] = "3",
        ["ParisCoDraft:Security:JoinsPerMinutePerBill"] = "1",
    };

    [Fact]
    public async Task GuessingInviteSecretsFromOneAddressIsCutOffWith429AndRetryAfter()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var guesser = NewBrowser();
        for (var i = 0; i < 8; i++)
        {
            using var guess = await guesser.Http.PostAsJsonAsync("api/join", new { secret = "guess" + i, displayName = "Eve" }).Bounded();
            Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        }

        using var refused = await guesser.Http.PostAsJsonAsync("api/join", new { secret = "guess8", displayName = "Eve" }).Bounded();
        using var preview = await guesser.Http.GetAsync("api/join/guess9").Bounded();
        // Even the right secret waits: the limit is on attempts from the address, not on wrong ones only.
        using var right = await guesser.JoinAsync(bill.Invites["citizen"], "Eve");

        foreach (var response in new[] { refused, preview, right })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.Equal("rate-limited", (await response.Content.ReadFromJsonAsync<JsonElement>().Bounded()).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task FloodingOneBillWithJoinsIsCutOffWith429WhileOtherBillsStillJoin()
    {
        var bill = await NewBrowser().CreateBillAsync("A");
        var other = await NewBrowser().CreateBillAsync("B");
        for (var i = 0; i < 3; i++) await NewBrowser().JoinOkAsync(bill.Invites["citizen"], "Citoyen " + i);

        using var fourth = await NewBrowser().JoinAsync(bill.Invites["citizen"], "Citoyen 3");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("rate-limited", (await fourth.Content.ReadFromJsonAsync<JsonElement>().Bounded()).GetProperty("error").GetString());
        await NewBrowser().JoinOkAsync(other.Invites["citizen"], "Ailleurs");
    }
}
