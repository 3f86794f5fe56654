using System.Net;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// The SQLite file on a real disk that fills up (a small tmpfs): the hub refuses with <c>store-unavailable</c>,
/// acknowledges nothing it did not write, /healthz says <c>store-unwritable</c>, and once there is room again
/// the client's resync stores what was refused, without restarting the server.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private TmpfsDisk? _disk;
    private TestServer? _server;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        _disk = TmpfsDisk.Mount(_dir.Path, megabytes: 8);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AFullDiskIsRefusedClearlyAndNothingAcknowledgedIsLost()
    {
        var path = Path.Combine(_disk!.Path, "pariscodraft.db");
        _server = await TestServer.StartAsync(path);
        using var facilitator = new Browser(_server.BaseUri);
        var bill = await facilitator.CreateBillAsync("Disque plein");
        using var citizen = new Browser(_server.BaseUri);
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await using var peer = await Peer.JoinAsync(citizen, bill.BillId);
        await peer.SyncAsync();

        var typed = new List<int>();
        var acked = new List<int>();
        async Task<string?> TypeAsync()
        {
            var k = typed.Count;
            var update = peer.Edit(d => d.GetText("k0").Insert(d.GetText("k0").Length, ((char)('a' + k % 26)).ToString()));
            typed.Add(k);
            try
            {
                Assert.Null(await peer.SendUpdateAsync(update));
                acked.Add(k);
                return null;
            }
            catch (HubInvocationException e)
            {
                return e.Code;
            }
        }

        for (var i = 0; i < 20; i++) Assert.Null(await TypeAsync());
        var filled = _disk.Fill();
        output.WriteLine($"filler: {filled} bytes");

        // Type on until the store refuses (the WAL may still have room for a few writes), as the provider then stops.
        string? refusal = null;
        for (var i = 0; i < 2000 && refusal is null; i++) refusal = await TypeAsync();
        Assert.Equal("store-unavailable", refusal);
        var (status, body) = await facilitator.GetJsonAsync("healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("store-unwritable", body.GetProperty("status").GetString());

        // Room again: the client's resync (its next reconnect) sends what was refused; the server recovers alone.
        _disk.Free();
        await peer.SyncAsync();
        await Within.UntilAsync(async () => (await facilitator.GetJsonAsync("healthz")).Status == HttpStatusCode.OK, what: "/healthz is healthy again");

        // Restart on the same file: the store holds every acknowledged keystroke, and everything typed.
        await _server.DisposeAsync();
        _server = await TestServer.StartAsync(path);
        using var reader = new Browser(_server.BaseUri);
        foreach (Cookie c in citizen.Cookies.GetAllCookies()) reader.Cookies.Add(_server.BaseUri, new Cookie(c.Name, c.Value));
        await using var check = await Peer.JoinAsync(reader, bill.BillId);
        await check.SyncAsync();
        var text = check.Read(d => d.GetText("k0").ToString());
        var lost = acked.Count(k => k >= text.Length);
        new FaultFigures("disk full (tmpfs, SQLite)", 1, acked.Count, text.Length, lost, text == peer.Read(d => d.GetText("k0").ToString())).Report(output);
        Assert.Equal(0, lost);
        Assert.Equal(peer.Read(d => d.GetText("k0").ToString()), text);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _disk?.Dispose();
        _dir.Dispose();
    }
}
