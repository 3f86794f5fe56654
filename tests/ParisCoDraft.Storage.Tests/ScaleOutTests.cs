using System.Globalization;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Storage.Tests;

/// <summary>Two real Kestrel servers on one PostgreSQL database, a client on each.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly List<Browser> _browsers = [];
    private string _connectionString = "";
    private TestServer _a = null!;
    private TestServer _b = null!;

    private Dictionary<string, string?> Settings => new()
    {
        ["ParisCoDraft:Postgres"] = _connectionString,
        ["ParisCoDraft:CompactEvery"] = "7",
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.5",
    };

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        (_a, _b) = await StartBothAsync();
    }

    private async Task<(TestServer, TestServer)> StartBothAsync()
    {
        Directory.CreateDirectory(_dir.File("a"));
        Directory.CreateDirectory(_dir.File("b"));
        var a = await TestServer.StartAsync(Path.Combine(_dir.File("a"), "unused.db"), Settings).Bounded(TimeSpan.FromSeconds(60));
        var b = await TestServer.StartAsync(Path.Combine(_dir.File("b"), "unused.db"), Settings).Bounded(TimeSpan.FromSeconds(60));
        return (a, b);
    }

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers) browser.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _dir.Dispose();
    }

    private Browser NewBrowser(TestServer server)
    {
        var browser = new Browser(server.BaseUri);
        _browsers.Add(browser);
        return browser;
    }

    private async Task<(string BillId, Browser OnA, Browser OnB)> BillWithACitizenOnEachServerAsync()
    {
        var bill = await NewBrowser(_a).CreateBillAsync("Projet partagé");
        var onA = NewBrowser(_a);
        await onA.JoinOkAsync(bill.Invites["citizen"], "Camille (A)");
        var onB = NewBrowser(_b);
        await onB.JoinOkAsync(bill.Invites["citizen"], "Yanis (B)");
        return (bill.BillId, onA, onB);
    }

    [Fact]
    public async Task RunsOnPostgresqlNotOnTheSqliteFile()
    {
        Assert.IsType<Postgres.PostgresDraftingStore>(_a.Service<IDraftingStore>());
        Assert.IsType<PostgresFanout>(_b.Service<IUpdateFanout>());
        Assert.False(File.Exists(_a.DatabasePath));
    }

    [Fact]
    public async Task AnEditOnOneServerReachesAClientOfTheOther()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        await using var peerA = await Peer.JoinAsync(onA, billId);
        await peerA.SyncAsync();
        await using var peerB = await Peer.JoinAsync(onB, billId);
        await peerB.SyncAsync();

        await peerA.AppendToTitleAsync(" — écrit sur A");
        await peerB.ReceiveUntilAsync(p => p.Title.EndsWith(" — écrit sur A", StringComparison.Ordinal));

        await peerB.AppendToTitleAsync(" puis sur B");
        await peerA.ReceiveUntilAsync(p => p.Title.EndsWith(" puis sur B", StringComparison.Ordinal));
        Assert.Equal(peerA.Title, peerB.Title);
        Assert.True(_b.Service<PostgresFanout>().Applied >= 1);
        Assert.True(_a.Service<PostgresFanout>().Applied >= 1);
    }

    [Fact]
    public async Task BothServersRestartAndNothingWrittenOnEitherIsLost()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        var peerA = await Peer.JoinAsync(onA, billId);
        await peerA.SyncAsync();
        var peerB = await Peer.JoinAsync(onB, billId);
        await peerB.SyncAsync();

        // Both write at once, past several compactions on each side (CompactEvery = 7).
        const int edits = 30;
        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < edits; i++) await peerA.AppendToTitleAsync("a" + i.ToString("00", CultureInfo.InvariantCulture)); }),
            Task.Run(async () => { for (var i = 0; i < edits; i++) await peerB.AppendToTitleAsync("b" + i.ToString("00", CultureInfo.InvariantCulture)); }))
            .Bounded(TimeSpan.FromSeconds(60));
        await peerA.ReceiveUntilAsync(p => p.Title.Contains("b29", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await peerB.ReceiveUntilAsync(p => p.Title.Contains("a29", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(peerA.Title, peerB.Title);
        var expected = peerA.Title;
        for (var i = 0; i < edits; i++)
        {
            Assert.Contains("a" + i.ToString("00", CultureInfo.InvariantCulture), expected, StringComparison.Ordinal);
            Assert.Contains("b" + i.ToString("00", CultureInfo.InvariantCulture), expected, StringComparison.Ordinal);
        }

        await peerA.DisposeAsync();
        await peerB.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        (_a, _b) = await StartBothAsync();

        foreach (var (server, old) in new[] { (_a, onA), (_b, onB) })
        {
            var again = NewBrowser(server);
            foreach (System.Net.Cookie c in old.Cookies.GetAllCookies()) again.Cookies.Add(server.BaseUri, new System.Net.Cookie(c.Name, c.Value));
            await using var fresh = await Peer.JoinAsync(again, billId);
            await fresh.SyncAsync();
            Assert.Equal(expected, fresh.Title);
        }
    }
}
