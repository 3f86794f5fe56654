using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Npgsql;
using ParisCoDraft.Storage.Postgres;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Storage.Tests;

/// <summary>
/// Presence (awareness) and large updates across two real Kestrel servers on one PostgreSQL database, with
/// the database's own presence channel listened to by the test to see what each server sends.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutPresenceTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly List<Browser> _browsers = [];
    private readonly ConcurrentQueue<string> _presencePayloads = new();
    private readonly CancellationTokenSource _stopListening = new();
    private string _connectionString = "";
    private TestServer _a = null!;
    private TestServer? _b;
    private NpgsqlConnection? _listener;
    private Task? _listening;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        _a = await StartAsync("a");
        _b = await StartAsync("b");
        _listener = new NpgsqlConnection(_connectionString);
        await _listener.OpenAsync().Bounded();
        _listener.Notification += (_, e) => _presencePayloads.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + PostgresDraftingStore.PresenceChannel, _listener))
        {
            await listen.ExecuteNonQueryAsync().Bounded();
        }
        _listening = Task.Run(async () =>
        {
            try
            {
                while (true) await _listener.WaitAsync(_stopListening.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private async Task<TestServer> StartAsync(string name)
    {
        Directory.CreateDirectory(_dir.File(name));
        return await TestServer.StartAsync(Path.Combine(_dir.File(name), "unused.db"), new Dictionary<string, string?>
        {
            ["ParisCoDraft:Postgres"] = _connectionString,
        }).Bounded(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _stopListening.CancelAsync();
        if (_listening is not null) await _listening.Bounded();
        if (_listener is not null) await _listener.DisposeAsync();
        _stopListening.Dispose();
        foreach (var browser in _browsers) browser.Dispose();
        await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        _dir.Dispose();
    }

    private TestServer B => _b ?? throw new InvalidOperationException("Server B was stopped.");

    private Browser NewBrowser(TestServer server)
    {
        var browser = new Browser(server.BaseUri);
        _browsers.Add(browser);
        return browser;
    }

    private async Task<(string BillId, Browser OnA, Browser OnB)> BillWithACitizenOnEachServerAsync()
    {
        var bill = await NewBrowser(_a).CreateBillAsync("Présence partagée");
        var onA = NewBrowser(_a);
        await onA.JoinOkAsync(bill.Invites["citizen"], "Camille (A)");
        var onB = NewBrowser(B);
        await onB.JoinOkAsync(bill.Invites["citizen"], "Yanis (B)");
        return (bill.BillId, onA, onB);
    }

    /// <summary>Reads Awareness calls until one holds an entry matching <paramref name="match"/>; returns that entry.</summary>
    private static async Task<(long Client, long Clock, string Json)> AwarenessUntilAsync(
        HubClient hub, Func<(long Client, long Clock, string Json), bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Within.Default);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("The awareness entry did not arrive in time.");
            var call = await hub.NextCallAsync("Awareness", left);
            foreach (var entry in Wire.ReadAwareness(call[1].GetBytesFromBase64()))
            {
                if (match(entry)) return entry;
            }
        }
    }

    private static string Cursor(int anchor, string pad = "") =>
        "{\"cursor\":{\"anchor\":" + anchor.ToString(CultureInfo.InvariantCulture) + ",\"head\":" + anchor.ToString(CultureInfo.InvariantCulture) + "}" +
        (pad.Length > 0 ? ",\"pad\":\"" + pad + "\"" : "") + "}";

    [Fact]
    public async Task AClientOnOneServerSeesTheCursorOfAClientOnTheOtherAndSeesItRemovedWhenThatClientLeaves()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        await using var peerA = await Peer.JoinAsync(onA, billId);
        var peerB = await Peer.JoinAsync(onB, billId);

        await peerB.Hub.InvokeAsync("Awareness", billId, Wire.Awareness((peerB.Doc.ClientId, 1, Cursor(7))));
        var seen = await AwarenessUntilAsync(peerA.Hub, e => e.Client == peerB.Doc.ClientId);
        Assert.Equal(1, seen.Clock);
        Assert.Contains("\"anchor\":7", seen.Json, StringComparison.Ordinal);
        // The user is the one B's server vouched for, carried as is.
        Assert.Contains("Yanis (B)", seen.Json, StringComparison.Ordinal);

        // Someone joining A later is given B's cursor with the others already there.
        var again = NewBrowser(_a);
        foreach (System.Net.Cookie c in onA.Cookies.GetAllCookies()) again.Cookies.Add(_a.BaseUri, new System.Net.Cookie(c.Name, c.Value));
        await using var late = await Peer.JoinAsync(again, billId);
        var known = await AwarenessUntilAsync(late.Hub, e => e.Client == peerB.Doc.ClientId);
        Assert.Contains("Yanis (B)", known.Json, StringComparison.Ordinal);

        // A's cursor reaches B too, and B's own state is not sent back to B by A (no echo).
        await peerA.Hub.InvokeAsync("Awareness", billId, Wire.Awareness((peerA.Doc.ClientId, 3, Cursor(2))));
        var fromA = await AwarenessUntilAsync(peerB.Hub, e => e.Client == peerA.Doc.ClientId);
        Assert.Contains("Camille (A)", fromA.Json, StringComparison.Ordinal);

        await peerB.DisposeAsync();
        var removed = await AwarenessUntilAsync(peerA.Hub, e => e.Client == peerB.Doc.ClientId && e.Json == "null");
        Assert.True(removed.Clock > 1);
        await AwarenessUntilAsync(late.Hub, e => e.Client == peerB.Doc.ClientId && e.Json == "null");

        // On the database, A never published B's client id and B never published A's: no echo, no loop.
        var originA = _a.Service<PostgresDraftingStore>().Origin;
        var originB = B.Service<PostgresDraftingStore>().Origin;
        await Within.Until(() => _presencePayloads.Any(p => p.StartsWith("S " + originA, StringComparison.Ordinal)), what: "A's state went out");
        var idA = peerA.Doc.ClientId.ToString(CultureInfo.InvariantCulture) + " ";
        var idB = peerB.Doc.ClientId.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (var payload in _presencePayloads)
        {
            if (payload.StartsWith("S " + originA, StringComparison.Ordinal)) Assert.DoesNotContain("\n" + idB, payload, StringComparison.Ordinal);
            if (payload.StartsWith("S " + originB, StringComparison.Ordinal)) Assert.DoesNotContain("\n" + idA, payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PresenceBatchesLargerThanOneNoticeAreSplitAndArriveWhole()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        await using var peerA = await Peer.JoinAsync(onA, billId);
        // One connection on B with 40 client ids (as 40 tabs would be), each state ~400 bytes: ~16 KB in one batch.
        var ids = Enumerable.Range(0, 40).Select(i => 9_000_000L + i).ToArray();
        await using var peerB = await Peer.JoinAsync(onB, billId, ids[0], ids);
        var pad = new string('x', 360);
        await peerB.Hub.InvokeAsync("Awareness", billId, Wire.Awareness([.. ids.Select((id, i) => (id, 1L, Cursor(i, pad)))]));

        var arrived = new HashSet<long>();
        await AwarenessUntilAsync(peerA.Hub, e =>
        {
            if (e.Json.Contains(pad, StringComparison.Ordinal)) arrived.Add(e.Client);
            return arrived.Count == ids.Length;
        });
        var originB = B.Service<PostgresDraftingStore>().Origin;
        var notices = _presencePayloads.Where(p => p.StartsWith("S " + originB, StringComparison.Ordinal)).ToList();
        Assert.True(notices.Count >= 2, $"{notices.Count} notice(s) for a 16 KB batch");
        Assert.All(notices, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= PresenceNotice.MaxPayloadBytes));
    }

    [Fact]
    public async Task WhenAServerStopsTheOtherRemovesTheCursorsOfItsClients()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        await using var peerA = await Peer.JoinAsync(onA, billId);
        var peerB = await Peer.JoinAsync(onB, billId);
        await peerB.Hub.InvokeAsync("Awareness", billId, Wire.Awareness((peerB.Doc.ClientId, 4, Cursor(1))));
        await AwarenessUntilAsync(peerA.Hub, e => e.Client == peerB.Doc.ClientId);

        await B.DisposeAsync();
        _b = null;
        await peerB.DisposeAsync();
        var removed = await AwarenessUntilAsync(peerA.Hub, e => e.Client == peerB.Doc.ClientId && e.Json == "null");
        Assert.Equal(5, removed.Clock);
    }

    [Fact]
    public async Task AnUpdateLargerThanANotifyPayloadMadeOnOneServerArrivesByteExactOnTheOther()
    {
        var (billId, onA, onB) = await BillWithACitizenOnEachServerAsync();
        await using var peerA = await Peer.JoinAsync(onA, billId);
        await peerA.SyncAsync();
        await using var peerB = await Peer.JoinAsync(onB, billId);
        await peerB.SyncAsync();

        // 20,000 characters that do not compress into anything shorter: the update is over 20 KB.
        var random = new Random(2024);
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(_ => (char)random.Next('a', 'z' + 1)));
        var update = peerA.Edit(d => d.GetText("title").Insert(d.GetText("title").Length, text));
        Assert.True(update.Length > 8000, $"the update is {update.Length} bytes");
        Assert.Null(await peerA.SendUpdateAsync(update).Bounded());

        var deadline = DateTime.UtcNow + Within.Default;
        byte[]? received = null;
        while (received is null)
        {
            var call = await peerB.Hub.NextCallAsync("Sync", deadline - DateTime.UtcNow);
            var (type, payload) = Wire.ReadSync(call[1].GetBytesFromBase64());
            if (type == Wire.Update && payload.Length >= update.Length) received = payload;
        }
        Assert.Equal(update, received);
        peerB.Apply(Wire.Sync(Wire.Update, received));
        Assert.EndsWith(text, peerB.Title, StringComparison.Ordinal);
        Assert.True(B.Service<PostgresFanout>().Applied >= 1);
    }
}
