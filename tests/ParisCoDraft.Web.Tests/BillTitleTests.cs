using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests;

/// <summary>The store's title of a bill follows the <c>title</c> text participants edit in its document.</summary>
public sealed class BillTitleTests(ITestOutputHelper output) : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.05",
    };

    private async Task<(CreatedBill Bill, Browser Facilitator, Peer Peer)> BillWithEditorAsync(string title = "Ancien titre")
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync(title);
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var peer = await Peer.JoinAsync(citizen, bill.BillId);
        await peer.SyncAsync();
        return (bill, facilitator, peer);
    }

    /// <summary>Replaces the whole title in one transaction, sends it and waits for the acknowledgement.</summary>
    private static async Task RenameAsync(Peer peer, string title)
    {
        var update = peer.Edit(d =>
        {
            var text = d.GetText("title");
            text.Delete(0, text.Length);
            if (title.Length > 0) text.Insert(0, title);
        });
        Assert.Null(await peer.SendUpdateAsync(update));
    }

    private Task<string?> StoredTitleAsync(string billId) =>
        Server.Service<IDraftingStore>().GetBillAsync(billId, CancellationToken.None).ContinueWith(t => t.Result?.Title, TaskScheduler.Default).Bounded();

    private Task UntilStoredAsync(string billId, string title) =>
        Within.UntilAsync(async () => await StoredTitleAsync(billId) == title, what: $"the stored title became \"{title}\"");

    private static int LoggedWrites(string billId) =>
        TestServer.LogLines.Count(l => l.Contains("Stored the title of bill " + billId + " ", StringComparison.Ordinal));

    private static string Secret(string inviteUrl) => new Uri(inviteUrl).Segments[^1];

    [Fact]
    public async Task RenamingTheBillInItsDocumentRenamesItInTheBillViewAndTheInvitePreview()
    {
        var (bill, facilitator, peer) = await BillWithEditorAsync();
        await using var _ = peer;

        await RenameAsync(peer, "Nouveau titre — mobilités");

        await Within.UntilAsync(async () => (await facilitator.GetJsonAsync($"api/bills/{bill.BillId}")).Body.GetProperty("title").GetString() == "Nouveau titre — mobilités",
            what: "GET /api/bills/{id} shows the new title");
        var (status, preview) = await NewBrowser().GetJsonAsync("api/join/" + Secret(bill.Invites["observer"]));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("Nouveau titre — mobilités", preview.GetProperty("title").GetString());
    }

    [Fact]
    public async Task FiftyQuickTitleEditsAreStoredInAFewWrites()
    {
        var (bill, _, peer) = await BillWithEditorAsync("T");
        await using var _ = peer;
        var titles = Server.Service<DocumentRooms>().Titles;
        var writesBefore = titles.Writes;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            await peer.AppendToTitleAsync("x");
            await Task.Delay(10); // a fast typist, over more than one coalescing window
        }
        watch.Stop();
        await UntilStoredAsync(bill.BillId, "T" + new string('x', 50));
        await Task.Delay(BillTitles.DefaultWindow * 3); // any write still due has happened by now

        var writes = titles.Writes - writesBefore;
        var logged = LoggedWrites(bill.BillId);
        output.WriteLine($"50 title edits acknowledged in {watch.ElapsedMilliseconds} ms: {writes} title writes ({logged} logged)");
        Assert.InRange(writes, 1, 10);
        Assert.Equal(writes, logged);
        Assert.Equal("T" + new string('x', 50), await StoredTitleAsync(bill.BillId));
    }

    [Fact]
    public async Task AnEmptiedTitleKeepsTheLastOneThatWasNotEmpty()
    {
        var (bill, facilitator, peer) = await BillWithEditorAsync();
        await using var _ = peer;
        await RenameAsync(peer, "Provisoire");
        await UntilStoredAsync(bill.BillId, "Provisoire");
        var writes = LoggedWrites(bill.BillId);

        await RenameAsync(peer, "");
        await RenameAsync(peer, "   ");
        await Task.Delay(BillTitles.DefaultWindow * 3);

        Assert.Equal("", peer.Title.Trim());
        Assert.Equal("Provisoire", await StoredTitleAsync(bill.BillId));
        Assert.Equal("Provisoire", (await facilitator.GetJsonAsync($"api/bills/{bill.BillId}")).Body.GetProperty("title").GetString());
        Assert.Equal(writes, LoggedWrites(bill.BillId)); // nothing was written for the empty title

        // Typed again and emptied at once: the last non-empty one is what stays.
        await RenameAsync(peer, "Second");
        await RenameAsync(peer, "");
        await UntilStoredAsync(bill.BillId, "Second");
    }

    [Fact]
    public async Task ATitleIsStoredByTheRulesOfCreation()
    {
        var (bill, _, peer) = await BillWithEditorAsync();
        await using var _ = peer;

        await RenameAsync(peer, "  Ligne une\nligne\tdeux  ");
        await UntilStoredAsync(bill.BillId, "Ligne une ligne deux");

        await RenameAsync(peer, new string('a', 299) + "bcdef");
        await UntilStoredAsync(bill.BillId, new string('a', 299) + "b");
    }

    [Fact]
    public async Task TheNewTitleSurvivesARestartEvenWhenTheRoomIsUnloadedRightAfter()
    {
        var (bill, facilitator, peer) = await BillWithEditorAsync();
        Server.Service<DocumentRooms>().Titles.Window = TimeSpan.FromMinutes(5); // only the unload can write it in time
        await RenameAsync(peer, "Renommé puis déchargé");
        await peer.DisposeAsync();

        var rooms = Server.Service<DocumentRooms>();
        await Within.Until(() => rooms.Count == 0, what: "the idle room was unloaded");
        // The room leaves the list first, then gets its final compaction and title write: stored as it goes,
        // long before the five-minute coalescing window could have written it.
        await UntilStoredAsync(bill.BillId, "Renommé puis déchargé");

        await RestartAsync();
        var again = new Browser(Server.BaseUri);
        foreach (System.Net.Cookie c in facilitator.Cookies.GetAllCookies()) again.Cookies.Add(Server.BaseUri, new System.Net.Cookie(c.Name, c.Value));
        Assert.Equal("Renommé puis déchargé", (await again.GetJsonAsync($"api/bills/{bill.BillId}")).Body.GetProperty("title").GetString());
        again.Dispose();
    }

    [Fact]
    public async Task ATitleEditedJustBeforeTheServerStopsIsStored()
    {
        var (bill, _, peer) = await BillWithEditorAsync();
        Server.Service<DocumentRooms>().Titles.Window = TimeSpan.FromMinutes(5); // only the shutdown can write it in time
        await RenameAsync(peer, "Juste avant l'arrêt");

        await RestartAsync();
        await peer.DisposeAsync();

        // No room is loaded after the restart: this reads what the stopping server stored.
        Assert.Equal(0, Server.Service<DocumentRooms>().Count);
        Assert.Equal("Juste avant l'arrêt", await StoredTitleAsync(bill.BillId));
        var (_, preview) = await NewBrowser().GetJsonAsync("api/join/" + Secret(bill.Invites["observer"]));
        Assert.Equal("Juste avant l'arrêt", preview.GetProperty("title").GetString());
    }

    [Fact]
    public async Task LoadingABillWhoseStoredTitleLagsBehindItsDocumentStoresItAgain()
    {
        var (bill, _, peer) = await BillWithEditorAsync();
        await RenameAsync(peer, "Le bon titre");
        await UntilStoredAsync(bill.BillId, "Le bon titre");
        await peer.DisposeAsync();
        var rooms = Server.Service<DocumentRooms>();
        await Within.Until(() => rooms.Count == 0, what: "the idle room was unloaded");
        // As if the server had died before its write: the store holds an older title than the document.
        Assert.True(await Server.Service<IDraftingStore>().SetBillTitleAsync(bill.BillId, "Périmé", CancellationToken.None).Bounded());

        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using (var again = await Peer.JoinAsync(reader, bill.BillId))
        {
            await again.SyncAsync();
            await UntilStoredAsync(bill.BillId, "Le bon titre");
        }
    }
}
