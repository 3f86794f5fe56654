using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests;

public sealed class DurabilityTests(ITestOutputHelper output) : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:CompactEvery"] = "10",
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.3",
    };

    private async Task<(CreatedBill Bill, Browser Citizen)> BillWithCitizenAsync()
    {
        var bill = await NewBrowser().CreateBillAsync("T");
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        return (bill, citizen);
    }

    private async Task<string> FreshTitleAsync(Browser browser, string billId)
    {
        await using var peer = await Peer.JoinAsync(browser, billId);
        await peer.SyncAsync();
        return peer.Title;
    }

    [Fact]
    public async Task RestartingTheServerMidSessionLosesNothingThatWasAcknowledged()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        var peer = await Peer.JoinAsync(citizen, bill.BillId);
        await peer.SyncAsync();
        for (var i = 0; i < 25; i++) await peer.AppendToTitleAsync(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        var expected = peer.Title;

        await RestartAsync();
        await peer.DisposeAsync();

        var again = new Browser(Server.BaseUri);
        foreach (System.Net.Cookie c in citizen.Cookies.GetAllCookies()) again.Cookies.Add(Server.BaseUri, new System.Net.Cookie(c.Name, c.Value));
        Assert.Equal(expected, await FreshTitleAsync(again, bill.BillId));
        again.Dispose();
    }

    [Fact]
    public async Task StoresEveryUpdateWhenSeveralClientsWriteAtOnce()
    {
        const int clients = 8, edits = 25;
        var (bill, _) = await BillWithCitizenAsync();
        var peers = new List<Peer>();
        for (var i = 0; i < clients; i++)
        {
            var browser = NewBrowser();
            await browser.JoinOkAsync(bill.Invites["citizen"], "Citoyen " + i);
            var peer = await Peer.JoinAsync(browser, bill.BillId);
            await peer.SyncAsync();
            peers.Add(peer);
        }
        var committer = Server.Service<UpdateCommitter>();
        var (batchesBefore, updatesBefore) = (committer.Batches, committer.Updates);

        var started = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(peers.Select((p, n) => Task.Run(async () =>
        {
            for (var e = 0; e < edits; e++)
            {
                var update = p.Edit(d => d.GetText("preamble" + n).Insert(0, "x"));
                Assert.Null(await p.SendUpdateAsync(update));
            }
        }))).Bounded(TimeSpan.FromSeconds(60));
        started.Stop();

        var batches = committer.Batches - batchesBefore;
        var updates = committer.Updates - updatesBefore;
        output.WriteLine($"group commit: {updates} updates in {batches} transactions ({(double)updates / batches:0.00} per fsync), {updates / started.Elapsed.TotalSeconds:0} acknowledged updates/s over {clients} connections");
        Assert.Equal(clients * edits, updates);
        Assert.True(batches <= updates);

        foreach (var p in peers) await p.DisposeAsync();
        await RestartAsync();
        var reader = new Browser(Server.BaseUri);
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using var check = await Peer.JoinAsync(reader, bill.BillId);
        await check.SyncAsync();
        for (var n = 0; n < clients; n++) Assert.Equal(new string('x', edits), check.Doc.GetText("preamble" + n).ToString());
        reader.Dispose();
    }

    [Fact]
    public async Task CompactionKeepsEverythingAndShortensTheLog()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        var store = Server.Service<IDraftingStore>();
        await using (var peer = await Peer.JoinAsync(citizen, bill.BillId))
        {
            await peer.SyncAsync();
            for (var i = 0; i < 35; i++) await peer.AppendToTitleAsync("ab");
            await Within.UntilAsync(async () => (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None))!.SnapshotSequence > 0,
                what: "a compaction ran");
        }

        // Once idle, the room is compacted and unloaded: the whole text sits in the snapshot.
        var rooms = Server.Service<DocumentRooms>();
        await Within.Until(() => rooms.Count == 0, what: "the idle room was unloaded");
        await Within.UntilAsync(async () => (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None))!.Updates.Count == 0,
            what: "the unloaded room's log was compacted into its snapshot");
        Assert.Equal("T" + string.Concat(Enumerable.Repeat("ab", 35)), await FreshTitleAsync(citizen, bill.BillId));
    }

    [Fact]
    public async Task CompactionKeepsAnUpdateStillWaitingForTheOneBeforeIt()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        byte[] first;
        long clientId;
        await using (var peer = await Peer.JoinAsync(citizen, bill.BillId))
        {
            await peer.SyncAsync();
            clientId = peer.Doc.ClientId;
            first = peer.Edit(d => d.GetText("title").Insert(1, "1"));
            var second = peer.Edit(d => d.GetText("title").Insert(2, "2"));
            Assert.Null(await peer.SendUpdateAsync(second)); // cannot be integrated yet: it waits in the server's doc
        }
        var store = Server.Service<IDraftingStore>();
        await Within.UntilAsync(async () => (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None))!.Updates.Count == 0,
            what: "the idle room was unloaded and compacted, the waiting update included");
        await RestartAsync();

        var again = new Browser(Server.BaseUri);
        foreach (System.Net.Cookie c in citizen.Cookies.GetAllCookies()) again.Cookies.Add(Server.BaseUri, new System.Net.Cookie(c.Name, c.Value));
        await using (var late = await Peer.JoinAsync(again, bill.BillId, clientId))
        {
            Assert.Null(await late.SendUpdateAsync(first));
        }
        Assert.Equal("T12", await FreshTitleAsync(again, bill.BillId));
        again.Dispose();
    }
}
