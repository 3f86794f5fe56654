using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Web.Tests.Deliberation.DeliberationRoom;

namespace ParisCoDraft.Web.Tests.Deliberation;

/// <summary>
/// Two real Kestrel servers on one PostgreSQL database serving one bill: what one server decides in the
/// deliberation holds on the other, and the other's people see it live.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutDeliberationTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly List<Browser> _browsers = [];
    private readonly List<Peer> _peers = [];
    private TestServer _a = null!;
    private TestServer _b = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["ParisCoDraft:Postgres"] = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30)) };
        Directory.CreateDirectory(_dir.File("a"));
        Directory.CreateDirectory(_dir.File("b"));
        _a = await TestServer.StartAsync(Path.Combine(_dir.File("a"), "unused.db"), settings).Bounded(TimeSpan.FromSeconds(60));
        _b = await TestServer.StartAsync(Path.Combine(_dir.File("b"), "unused.db"), settings).Bounded(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        foreach (var p in _peers) await p.DisposeAsync();
        foreach (var browser in _browsers) browser.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>A bill with two articles; a facilitator on each server and a citizen on B, each joined and synced.</summary>
    private sealed record SharedBill(string BillId, string First, string Second, Peer FacilitatorOnA, Peer FacilitatorOnB, Peer CitizenOnB, Browser CitizenBrowserOnB);

    private async Task<SharedBill> BillServedByBothAsync()
    {
        var creator = NewBrowser(_a);
        var bill = await creator.CreateBillAsync("Îlots de fraîcheur", "Fatou (A)");
        var facilitatorOnA = await JoinAsync(creator, bill.BillId);
        string first = "", second = "";
        var update = facilitatorOnA.Edit(d =>
        {
            first = BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville crée des îlots de fraîcheur dans chaque arrondissement."));
            second = BillDocument.AddClause(d, new ClauseDraft("Moyens", "Un budget annuel est alloué."));
        });
        Assert.Null(await facilitatorOnA.SendUpdateAsync(update));

        var odile = NewBrowser(_b);
        await odile.JoinOkAsync(bill.Invites["facilitator"], "Odile (B)");
        var yanis = NewBrowser(_b);
        await yanis.JoinOkAsync(bill.Invites["citizen"], "Yanis (B)");
        var shared = new SharedBill(bill.BillId, first, second, facilitatorOnA, await JoinAsync(odile, bill.BillId), await JoinAsync(yanis, bill.BillId), yanis);
        // As every page does after joining: load the deliberation.
        foreach (var p in new[] { shared.FacilitatorOnA, shared.FacilitatorOnB, shared.CitizenOnB }) await Call(p, "GetDeliberation");
        return shared;
    }

    [Fact]
    public async Task ALockTakenThroughOneServerMakesTheOtherRefuseAnEditToThatClause()
    {
        var bill = await BillServedByBothAsync();

        await Call(bill.FacilitatorOnA, "LockClause", bill.First, "Validation en séance");
        var told = await NextAsync(bill.CitizenOnB, "Session", s => s.GetProperty("locks").GetArrayLength() == 1);
        Assert.Equal(bill.First, told.GetProperty("locks")[0].GetProperty("clauseId").GetString());

        var refused = await Assert.ThrowsAsync<HubInvocationException>(
            () => bill.CitizenOnB.SendUpdateAsync(EditBody(bill.CitizenOnB, bill.First, t => t.Insert(0, "Dès 2026, "))));
        Assert.Equal("locked", refused.Code);
        Assert.Contains("Validation en séance", refused.Message, StringComparison.Ordinal);

        await using var other = await Peer.JoinAsync(bill.CitizenBrowserOnB, bill.BillId);
        await other.SyncAsync();
        Assert.Null(await other.SendUpdateAsync(EditBody(other, bill.Second, t => t.Insert(0, "Chaque année, "))));

        await Call(bill.FacilitatorOnA, "UnlockClause", bill.First);
        await NextAsync(bill.CitizenOnB, "Session", s => s.GetProperty("locks").GetArrayLength() == 0);
        Assert.Null(await other.SendUpdateAsync(EditBody(other, bill.First, t => t.Insert(0, "Dès 2026, "))));
    }

    [Fact]
    public async Task ACommentPostedOnOneServerReachesAClientOfTheOtherLive()
    {
        var bill = await BillServedByBothAsync();

        var posted = await Call(bill.FacilitatorOnA, "AddComment", new { clauseId = bill.First, body = "Quels arrondissements d'abord ?" });
        var id = posted.GetProperty("id").GetString();
        var seen = await NextAsync(bill.CitizenOnB, "Comment", c => c.GetProperty("id").GetString() == id);
        Assert.Equal("Quels arrondissements d'abord ?", seen.GetProperty("body").GetString());
        Assert.Equal("Fatou (A)", seen.GetProperty("author").GetProperty("displayName").GetString());

        // And back: a reply on B reaches A live, and B's server knows the thread it answers.
        var reply = await Call(bill.CitizenOnB, "AddComment", new { parentId = id, body = "Les plus chauds." });
        var back = await NextAsync(bill.FacilitatorOnA, "Comment", c => c.GetProperty("id").GetString() == reply.GetProperty("id").GetString());
        Assert.Equal(id, back.GetProperty("parentId").GetString());
        var stance = await Call(bill.CitizenOnB, "SetStance", new { targetId = bill.First, stance = "agree" });
        var marker = await NextAsync(bill.FacilitatorOnA, "Stance", s => s.GetProperty("participantId").GetString() == stance.GetProperty("participantId").GetString());
        Assert.Equal("agree", marker.GetProperty("marker").GetProperty("stance").GetString());
    }

    [Fact]
    public async Task TwoFacilitatorsOpeningARoundAtOnceOnTwoServersEndWithExactlyOneOpenRound()
    {
        var bill = await BillServedByBothAsync();
        const int attempts = 5;
        for (var i = 0; i < attempts; i++)
        {
            var onA = Call(bill.FacilitatorOnA, "OpenRound", bill.First);
            var onB = Call(bill.FacilitatorOnB, "OpenRound", bill.Second);
            var outcomes = await Task.WhenAll(Outcome(onA), Outcome(onB)).Bounded();
            Assert.Single(outcomes, o => o == "opened");
            Assert.Single(outcomes, o => o == "conflict");

            var viewA = await Call(bill.FacilitatorOnA, "GetDeliberation");
            var viewB = await Call(bill.FacilitatorOnB, "GetDeliberation");
            var roundA = viewA.GetProperty("session").GetProperty("round");
            Assert.Equal(roundA.GetProperty("id").GetString(), viewB.GetProperty("session").GetProperty("round").GetProperty("id").GetString());
            Assert.Equal(i, viewA.GetProperty("session").GetProperty("rounds").GetArrayLength());

            // Whichever server opened it, the other closes it.
            await Call(i % 2 == 0 ? bill.FacilitatorOnB : bill.FacilitatorOnA, "CloseRound");
        }
        var end = await Call(bill.CitizenOnB, "GetDeliberation");
        Assert.Equal(JsonValueKind.Null, end.GetProperty("session").GetProperty("round").ValueKind);
        Assert.Equal(attempts, end.GetProperty("session").GetProperty("rounds").GetArrayLength());
    }

    [Fact]
    public async Task ARemoteParticipantsRaisedHandOnOneServerReachesTheFacilitatorOnTheOtherWhoGivesThemTheFloor()
    {
        var bill = await BillServedByBothAsync();

        await Call(bill.CitizenOnB, "SetAttendance", "remote");
        var raised = await Call(bill.CitizenOnB, "RaiseHand", true);
        var yanis = raised.GetProperty("room").GetProperty("hands")[0].GetProperty("participantId").GetString();
        var seen = await NextAsync(bill.FacilitatorOnA, "Session", s => s.GetProperty("room").GetProperty("hands").GetArrayLength() == 1);
        Assert.Equal("remote", seen.GetProperty("room").GetProperty("hands")[0].GetProperty("attendance").GetString());

        // A's copy was refreshed from the store: the floor it gives goes to the hand raised through B.
        await Call(bill.FacilitatorOnA, "GiveFloor", yanis);
        var floor = await NextAsync(bill.CitizenOnB, "Session", s => s.GetProperty("room").GetProperty("floor").ValueKind == JsonValueKind.Object);
        Assert.Equal(yanis, floor.GetProperty("room").GetProperty("floor").GetProperty("participantId").GetString());
        Assert.Equal(0, floor.GetProperty("room").GetProperty("hands").GetArrayLength());

        // And B, which did not give it, takes it back from the store's latest state.
        await Call(bill.FacilitatorOnB, "ClearFloor");
        await NextAsync(bill.FacilitatorOnA, "Session", s => s.GetProperty("room").GetProperty("floor").ValueKind == JsonValueKind.Null);
    }

    private static async Task<string> Outcome(Task<JsonElement> call)
    {
        try
        {
            await call;
            return "opened";
        }
        catch (HubInvocationException e)
        {
            return e.Code;
        }
    }

    /// <summary>The next event <paramref name="method"/> whose payload matches (events before it are skipped).</summary>
    private static async Task<JsonElement> NextAsync(Peer peer, string method, Func<JsonElement, bool> matches)
    {
        using var deadline = new CancellationTokenSource(Within.Default);
        while (true)
        {
            var args = await peer.Hub.NextCallAsync(method, TimeSpan.FromSeconds(15));
            Assert.Equal(peer.BillId, args[0].GetString());
            if (matches(args[1])) return args[1];
            if (deadline.IsCancellationRequested) throw new TimeoutException($"No matching '{method}' event in time.");
        }
    }

    private async Task<Peer> JoinAsync(Browser browser, string billId)
    {
        var peer = await Peer.JoinAsync(browser, billId);
        _peers.Add(peer);
        await peer.SyncAsync();
        return peer;
    }

    private Browser NewBrowser(TestServer server)
    {
        var browser = new Browser(server.BaseUri);
        _browsers.Add(browser);
        return browser;
    }
}
