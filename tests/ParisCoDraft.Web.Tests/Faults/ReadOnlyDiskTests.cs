using System.Net;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// The SQLite file on a disk that is read-only, for real (the tests run as root, where <c>chmod</c> stops nothing).
/// At start (a tmpfs remounted read-only while the server is stopped): the server refuses to start, naming the file
/// and the cause, rather than serve a bill no one can join or an older one. While running (ext4 on a loop device
/// turning read-only after a file system error): every write is refused with <c>store-unavailable</c>, nothing is
/// acknowledged that is not written, <c>/healthz</c> says <c>store-unwritable</c>, and after umount, fsck, mount
/// and a restart the tab's resync stores what was refused.
/// </summary>
public sealed class ReadOnlyDiskTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly List<IDisposable> _disks = [];
    private ServerProcess? _server;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AServerOnADiskRemountedReadOnlyRefusesToStartAndLosesNothing(bool killed)
    {
        var disk = TmpfsDisk.Mount(_dir.Path, megabytes: 8);
        _disks.Add(disk);
        var path = Path.Combine(disk.Path, "pariscodraft.db");
        _server = await ServerProcess.StartAsync(Start, $"--ParisCoDraft:Database={path}");
        var (citizen, billId, peer) = await BillWithATypistAsync(_server.BaseUri);
        using var citizenScope = citizen;
        await using var peerScope = peer;
        var keys = new Keystrokes("k0");
        for (var i = 0; i < 20; i++) Assert.Null(await keys.TypeAsync(peer));

        // Stopped cleanly, SQLite folds the WAL into the file and deletes it: on a read-only disk it then cannot even
        // read the file (no -shm). Killed, the -wal and -shm stay: it opens the file, but read-only.
        if (killed) await _server.KillAsync();
        else await _server.StopAsync();
        Assert.Equal(killed, File.Exists(path + "-wal"));
        disk.RemountReadOnly();
        for (var i = 0; i < 5; i++) keys.TypeOffline(peer);

        await using (var refused = await ServerProcess.RunUntilExitAsync(Start, $"--ParisCoDraft:Database={path}"))
        {
            output.WriteLine(refused.Output);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Refusing to start", refused.Output, StringComparison.Ordinal);
            Assert.Contains($"The SQLite database at {path} cannot be written: Read-only file system", refused.Output, StringComparison.Ordinal);
        }
        Assert.Equal(killed, File.Exists(path + "-wal"));

        disk.RemountReadWrite();
        await _server.StartAgainAsync(Start);
        var lost = await LostAsync(path, billId, keys, peer);
        var converged = await ResyncAndCompareAsync(citizen, billId, peer);
        new FaultFigures($"read-only disk at start ({(killed ? "after kill -9, -wal left" : "after a clean stop")}; tmpfs, SQLite)",
            1, keys.Acknowledged.Count, keys.Acknowledged.Count - lost, lost, converged).Report(output);
        Assert.Equal(0, lost);
        Assert.True(converged, "a fresh reader does not see what the tab typed");
        Assert.Equal(25, keys.Typed);
    }

    [Fact]
    public async Task ADiskTurningReadOnlyWhilePeopleTypeIsRefusedClearlyAndNothingAcknowledgedIsLost()
    {
        var disk = Ext4LoopDisk.Mount(_dir.Path, megabytes: 32);
        _disks.Add(disk);
        var path = Path.Combine(disk.Path, "pariscodraft.db");
        _server = await ServerProcess.StartAsync(Start, $"--ParisCoDraft:Database={path}");
        var (citizen, billId, peer) = await BillWithATypistAsync(_server.BaseUri);
        using var citizenScope = citizen;
        await using var peerScope = peer;
        var keys = new Keystrokes("k0");
        for (var i = 0; i < 20; i++) Assert.Null(await keys.TypeAsync(peer));

        disk.TriggerError();
        Assert.True(disk.IsReadOnly, "ext4 did not turn read-only after the error");
        var refusals = new List<string>();
        for (var i = 0; i < 5; i++) refusals.Add(await keys.TypeAsync(peer) ?? "acknowledged");
        Assert.All(refusals, r => Assert.Equal("store-unavailable", r));
        Assert.Equal(20, keys.Acknowledged.Count);
        using (var http = new Browser(_server.BaseUri))
        {
            var (status, body) = await http.GetJsonAsync("healthz").Bounded();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("store-unwritable", body.GetProperty("status").GetString());
        }

        // ext4 stays read-only after an error until it is checked: the server is stopped for that, as an administrator would.
        await _server.StopAsync();
        disk.CheckAndMountAgain();
        Assert.False(disk.IsReadOnly, "ext4 is still read-only after fsck");
        await _server.StartAgainAsync(Start);
        var lost = await LostAsync(path, billId, keys, peer);
        var converged = await ResyncAndCompareAsync(citizen, billId, peer);
        new FaultFigures("ext4 turns read-only while typing (errors=remount-ro, loop device, SQLite)",
            1, keys.Acknowledged.Count, keys.Acknowledged.Count - lost, lost, converged).Report(output);
        Assert.Equal(0, lost);
        Assert.True(converged, "a fresh reader does not see what the tab typed");
    }

    /// <summary>A bill, and a citizen typing in it through the hub.</summary>
    private static async Task<(Browser Citizen, string BillId, Peer Peer)> BillWithATypistAsync(Uri server)
    {
        using var facilitator = new Browser(server);
        var bill = await facilitator.CreateBillAsync("Disque en lecture seule").Bounded();
        var citizen = new Browser(server);
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille").Bounded();
        var peer = await Peer.JoinAsync(citizen, bill.BillId).Bounded();
        await peer.SyncAsync().Bounded();
        return (citizen, bill.BillId, peer);
    }

    /// <summary>Acknowledged keystrokes missing from the file, read before the tab's resync could send them again.</summary>
    private static async Task<int> LostAsync(string path, string billId, Keystrokes keys, Peer peer)
    {
        await using var store = SqliteDraftingStore.Open(path);
        var stored = await StoredClocks.ReadAsync(store, billId);
        return keys.LostFrom(stored, peer.Doc.ClientId);
    }

    /// <summary>
    /// The tab reconnects and resyncs (sending what was refused or typed while the server was away); a fresh reader
    /// then sees exactly what the tab typed, and /healthz is healthy.
    /// </summary>
    private static async Task<bool> ResyncAndCompareAsync(Browser citizen, string billId, Peer peer)
    {
        await using var tab = await Peer.RejoinAsync(citizen, peer).Bounded();
        await tab.SyncAsync().Bounded();
        await using var reader = await Peer.JoinAsync(citizen, billId).Bounded();
        await reader.SyncAsync().Bounded();
        var (status, _) = await citizen.GetJsonAsync("healthz").Bounded();
        Assert.Equal(HttpStatusCode.OK, status);
        return reader.Read(d => d.GetText("k0").ToString()) == tab.Read(d => d.GetText("k0").ToString());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        foreach (var disk in _disks) disk.Dispose();
        _dir.Dispose();
    }
}
