using System.Net;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// What a long time offline changes on the server, made to happen directly instead of waiting: the bill's
/// room is unloaded when idle, its log compacted into a snapshot, the server restarted; or the person's
/// invite revoked meanwhile. A tab coming back with edits made offline gets them all stored, or is told
/// clearly that they cannot be (and nothing of them is stored).
/// </summary>
public sealed class OfflineReconnectTests(ITestOutputHelper output) : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:CompactEvery"] = "10",
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.3",
    };

    [Fact]
    public async Task EditsMadeOfflineWhileTheBillWasUnloadedCompactedAndTheServerRestartedAreAllStoredOnReconnect()
    {
        var bill = await NewBrowser().CreateBillAsync("Hors ligne");
        var away = NewBrowser();
        await away.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var stayed = NewBrowser();
        await stayed.JoinOkAsync(bill.Invites["elected"], "Bruno");

        var tab = await Peer.JoinAsync(away, bill.BillId);
        await tab.SyncAsync();
        for (var i = 0; i < 5; i++) await tab.AppendToTitleAsync("a");
        // The network goes: the tab keeps typing into its replica (IndexedDB in the browser), nothing is sent.
        tab.Hub.Abort();
        for (var i = 0; i < 12; i++) tab.Edit(d => d.GetText("offline").Insert(d.GetText("offline").Length, "o"));
        tab.Edit(d => d.GetText("title").Delete(1, 2));

        // Meanwhile others work on, the room compacts, empties, unloads; the server restarts.
        await using (var other = await Peer.JoinAsync(stayed, bill.BillId))
        {
            await other.SyncAsync();
            for (var i = 0; i < 25; i++) await other.AppendToTitleAsync("b");
        }
        var store = Server.Service<IDraftingStore>();
        await Within.Until(() => Server.Service<DocumentRooms>().Count == 0, what: "the idle room was unloaded");
        await Within.UntilAsync(async () => (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None))!.Updates.Count == 0,
            what: "the unloaded room's log was compacted into its snapshot");
        await RestartAsync();

        // Back online: the tab reconnects with the same replica; its resync sends what the server lacks.
        var back = new Browser(Server.BaseUri);
        foreach (Cookie c in away.Cookies.GetAllCookies()) back.Cookies.Add(Server.BaseUri, new Cookie(c.Name, c.Value));
        await using (var again = await Peer.RejoinAsync(back, tab))
        {
            await again.SyncAsync();
        }
        await tab.DisposeAsync();

        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using var check = await Peer.JoinAsync(reader, bill.BillId);
        await check.SyncAsync();
        var offline = check.Read(d => d.GetText("offline").ToString());
        var title = check.Read(d => d.GetText("title").ToString());
        new FaultFigures("offline edits across unload + compaction + restart", 1, 5 + 25, 5 + 25 + offline.Length, 0,
            offline == new string('o', 12) && title == tab.Title).Report(output);
        Assert.Equal(new string('o', 12), offline);
        Assert.Equal(tab.Title, title); // the offline deletion merged with the other person's typing
        Assert.Equal(25, title.Count(ch => ch == 'b'));
        back.Dispose();
    }

    [Fact]
    public async Task EditsMadeOfflineByAPersonWhoseInviteWasRevokedAreRefusedClearlyAndNothingOfThemIsStored()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync("Révoqué");
        var away = NewBrowser();
        await away.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var tab = await Peer.JoinAsync(away, bill.BillId);
        await tab.SyncAsync();
        await tab.AppendToTitleAsync("!");
        tab.Hub.Abort();
        for (var i = 0; i < 7; i++) tab.Edit(d => d.GetText("offline").Insert(0, "r"));

        var (_, invites) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        var citizenInvite = invites.EnumerateArray().First(i => i.GetProperty("role").GetString() == "citizen").GetProperty("id").GetString();
        var (revoked, _) = await facilitator.SendJsonAsync(HttpMethod.Delete, $"api/bills/{bill.BillId}/invites/{citizenInvite}");
        Assert.Equal(HttpStatusCode.OK, revoked);

        // Back online: the connection is refused with a code the page turns into "kept here, cannot be sent".
        string code;
        try
        {
            await using var again = await Peer.RejoinAsync(away, tab);
            code = (await Assert.ThrowsAsync<HubInvocationException>(() => again.SyncAsync())).Code;
        }
        catch (HubInvocationException e)
        {
            code = e.Code;
        }
        catch (HubConnectException e)
        {
            code = e.Status == HttpStatusCode.Unauthorized ? "no-session" : e.Status.ToString();
        }
        await tab.DisposeAsync();
        Assert.Equal("forbidden", code);

        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using var check = await Peer.JoinAsync(reader, bill.BillId);
        await check.SyncAsync();
        Assert.Equal("", check.Read(d => d.GetText("offline").ToString()));
        Assert.Equal("Révoqué!", check.Title);
        // The replica still holds them: they are kept, not dropped.
        Assert.Equal(new string('r', 7), tab.Read(d => d.GetText("offline").ToString()));
    }
}
