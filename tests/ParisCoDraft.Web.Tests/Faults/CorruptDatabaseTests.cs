using Microsoft.Data.Sqlite;
using ParisCoDraft.Storage;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// A damaged SQLite file at start: the server refuses to start with a message that says what is wrong and
/// what to do, instead of serving an empty or half-read bill.
/// </summary>
public sealed class CorruptDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <summary>A database holding one bill with some text, checkpointed into the main file (no WAL left).</summary>
    private async Task<string> DatabaseWithABillAsync()
    {
        var path = _dir.File("pariscodraft.db");
        var server = await TestServer.StartAsync(path);
        using (var browser = new Browser(server.BaseUri))
        {
            var bill = await browser.CreateBillAsync("Un texte qui compte", preamble: new string('P', 20_000));
            await using var peer = await Peer.JoinAsync(browser, bill.BillId);
            await peer.SyncAsync();
            for (var i = 0; i < 5; i++) await peer.AppendToTitleAsync(" mot" + i);
        }
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return path;
    }

    [Fact]
    public async Task AServerOnADamagedDatabaseRefusesToStartAndSaysWhy()
    {
        var path = await DatabaseWithABillAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length >= 4 * 4096, "the database is smaller than expected");
        // A torn write: the second page (a b-tree page of the schema's tables) overwritten with garbage.
        var garbage = new Random(7);
        for (var i = 4096; i < 8192; i++) bytes[i] = (byte)garbage.Next(256);
        await File.WriteAllBytesAsync(path, bytes);

        await using var server = await ServerProcess.RunUntilExitAsync(TimeSpan.FromSeconds(60), $"--ParisCoDraft:Database={path}");
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("Refusing to start", server.Output, StringComparison.Ordinal);
        Assert.Contains(path, server.Output, StringComparison.Ordinal);
        Assert.Contains("scripts/restore", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotADatabaseIsRefused()
    {
        var path = _dir.File("not-a-db.db");
        File.WriteAllText(path, "Ceci n'est pas une base de données, mais un fichier texte écrasé par erreur." + new string('x', 5000));
        var e = Assert.Throws<StoreException>(() => SqliteDraftingStore.Open(path));
        Assert.Contains("Refusing to start", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedDatabaseIsRefusedRatherThanServedEmpty()
    {
        var path = _dir.File("truncated.db");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<StoreException>(() => SqliteDraftingStore.Open(path));
        Assert.Contains("empty (0 bytes)", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
