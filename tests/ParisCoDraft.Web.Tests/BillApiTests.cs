using System.Net;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed class BillApiTests : ServerTest
{
    [Fact]
    public async Task CreatesABillWhoseCreatorIsItsFacilitatorWithOneLinkPerRole()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();

        Assert.Equal(["citizen", "civil-servant", "clerk", "elected", "facilitator", "observer"], bill.Invites.Keys.Order());
        Assert.All(bill.Invites.Values, url => Assert.StartsWith(Server.BaseUri + "join/", url, StringComparison.Ordinal));
        var cookie = facilitator.Cookies.GetCookies(Server.BaseUri)["pcd_" + bill.BillId];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);

        var (status, body) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Projet de délibération — test", body.GetProperty("title").GetString());
        Assert.Equal("facilitator", body.GetProperty("me").GetProperty("role").GetString());
    }

    [Fact]
    public async Task JoinsByLinkAndGetsASessionCookieForThatBillOnly()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var citizen = NewBrowser();

        var joined = await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");

        Assert.Equal(bill.BillId, joined.GetProperty("billId").GetString());
        var me = joined.GetProperty("me");
        Assert.Equal("citizen", me.GetProperty("role").GetString());
        Assert.Equal("citizens", me.GetProperty("group").GetString());
        Assert.True(me.GetProperty("canEdit").GetBoolean());
        var (status, body) = await citizen.GetJsonAsync($"api/bills/{bill.BillId}/me");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Camille", body.GetProperty("displayName").GetString());
        var (listStatus, list) = await citizen.GetJsonAsync($"api/bills/{bill.BillId}/participants");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(["Fatou (animation)", "Camille"], list.EnumerateArray().Select(p => p.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task ObserverLinkGivesAReadOnlyParticipant()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var joined = await NewBrowser().JoinOkAsync(bill.Invites["observer"], "Presse");
        Assert.False(joined.GetProperty("me").GetProperty("canEdit").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, joined.GetProperty("me").GetProperty("group").ValueKind);
    }

    [Fact]
    public async Task AnswersUnknownBillWith404AndNoSessionWith401()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var stranger = NewBrowser();

        var (unknown, unknownBody) = await stranger.GetJsonAsync("api/bills/bnothere");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("unknown-bill", unknownBody.GetProperty("error").GetString());

        var (noSession, noSessionBody) = await stranger.GetJsonAsync($"api/bills/{bill.BillId}");
        Assert.Equal(HttpStatusCode.Unauthorized, noSession);
        Assert.Equal("no-session", noSessionBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefusesACookieOfOneBillPresentedForAnother()
    {
        var owner = NewBrowser();
        var a = await owner.CreateBillAsync("A", "Anne");
        var b = await NewBrowser().CreateBillAsync("B", "Bruno");
        var tokenA = owner.Cookies.GetCookies(Server.BaseUri)["pcd_" + a.BillId]!.Value;

        var thief = NewBrowser();
        thief.Cookies.Add(Server.BaseUri, new Cookie("pcd_" + b.BillId, tokenA));
        var (status, _) = await thief.GetJsonAsync($"api/bills/{b.BillId}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task LetsOnlyTheFacilitatorManageInvites()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");

        var (forbidden, body) = await citizen.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal("forbidden", body.GetProperty("error").GetString());
        var (forbiddenPost, _) = await citizen.SendJsonAsync(HttpMethod.Post, $"api/bills/{bill.BillId}/invites", new { role = "facilitator" });
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenPost);

        var (created, invite) = await facilitator.SendJsonAsync(HttpMethod.Post, $"api/bills/{bill.BillId}/invites", new { role = "elected" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Contains("/join/", invite.GetProperty("url").GetString(), StringComparison.Ordinal);

        var (listed, list) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(7, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), i => Assert.False(i.TryGetProperty("url", out _)));
    }

    [Fact]
    public async Task RejectsABadRoleAndABadDisplayNameWith400()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();

        var (badRole, roleBody) = await facilitator.SendJsonAsync(HttpMethod.Post, $"api/bills/{bill.BillId}/invites", new { role = "king" });
        Assert.Equal(HttpStatusCode.BadRequest, badRole);
        Assert.Equal("invalid-role", roleBody.GetProperty("error").GetString());

        using var badName = await NewBrowser().JoinAsync(bill.Invites["citizen"], "   ");
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);

        var (badTitle, _) = await NewBrowser().SendJsonAsync(HttpMethod.Post, "api/bills", new { title = "", displayName = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badTitle);
    }

    [Fact]
    public async Task RevokedLinkNoLongerJoinsAndEndsTheSessionsMadeWithIt()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var (_, invites) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        var inviteId = invites.EnumerateArray().Single(i => i.GetProperty("role").GetString() == "citizen").GetProperty("id").GetString();

        var (revoked, body) = await facilitator.SendJsonAsync(HttpMethod.Delete, $"api/bills/{bill.BillId}/invites/{inviteId}");

        Assert.Equal(HttpStatusCode.OK, revoked);
        Assert.Equal(1, body.GetProperty("sessionsClosed").GetInt32());
        var (me, _) = await citizen.GetJsonAsync($"api/bills/{bill.BillId}/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me);
        using var again = await NewBrowser().JoinAsync(bill.Invites["citizen"], "Eve");
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var (_, preview) = await NewBrowser().GetJsonAsync("api/join/" + new Uri(bill.Invites["citizen"]).Segments[^1]);
        Assert.Equal("forbidden", preview.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PreviewsAnInviteForTheJoinPage()
    {
        var bill = await NewBrowser().CreateBillAsync("Végétaliser les cours");
        var (status, body) = await NewBrowser().GetJsonAsync("api/join/" + new Uri(bill.Invites["clerk"]).Segments[^1]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Végétaliser les cours", body.GetProperty("title").GetString());
        Assert.Equal("clerk", body.GetProperty("role").GetString());
        var (unknown, _) = await NewBrowser().GetJsonAsync("api/join/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task ServesThePagesAndAHealthCheck()
    {
        var browser = NewBrowser();
        Assert.Contains("index.html", await browser.Http.GetStringAsync("/").Bounded(), StringComparison.Ordinal);
        Assert.Contains("bill.html", await browser.Http.GetStringAsync("/bills/b123").Bounded(), StringComparison.Ordinal);
        Assert.Contains("join.html", await browser.Http.GetStringAsync("/join/secret").Bounded(), StringComparison.Ordinal);
        var (status, body) = await browser.GetJsonAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WarnsLoudlyWhenTheDatabaseIsThrowAway()
    {
        // The test database lives under the temp folder, which is exactly what the warning is for.
        await Within.Until(() => TestServer.LogLines.Any(l => l.Contains("THROW-AWAY DATABASE", StringComparison.Ordinal)));
    }
}
