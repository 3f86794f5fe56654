using ParisCoDraft.Storage;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteDraftingStore _store = null!;
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    public Task InitializeAsync()
    {
        _store = SqliteDraftingStore.Open(_dir.File("store.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task CreateBillAsync(string id) =>
        await _store.CreateBillAsync(new NewBill(new BillRecord(id, "t", Now), [0, 0], [], null, null, null), CancellationToken.None).Bounded();

    private static byte[] Bytes(int n) => [(byte)n];

    [Fact]
    public async Task CompactionKeepsUpdatesAppendedAfterItsSequence()
    {
        await CreateBillAsync("b1");
        var first = await _store.AppendUpdatesAsync([new("b1", Bytes(1)), new("b1", Bytes(2))], CancellationToken.None).Bounded();
        var later = await _store.AppendUpdatesAsync([new("b1", Bytes(3))], CancellationToken.None).Bounded();

        Assert.True(await _store.CompactAsync("b1", [9, 9], first[^1], CancellationToken.None).Bounded());

        var log = (await _store.LoadDocumentAsync("b1", CancellationToken.None).Bounded())!;
        Assert.Equal([9, 9], log.Snapshot);
        Assert.Equal(first[^1], log.SnapshotSequence);
        Assert.Equal([later[0]], log.Updates.Select(u => u.Sequence));
        Assert.Equal(later[0], log.LastSequence);
    }

    [Fact]
    public async Task RefusesAnOlderSnapshotOverANewerOne()
    {
        await CreateBillAsync("b1");
        var seq = await _store.AppendUpdatesAsync([new("b1", Bytes(1)), new("b1", Bytes(2))], CancellationToken.None).Bounded();
        Assert.True(await _store.CompactAsync("b1", [2], seq[1], CancellationToken.None).Bounded());
        Assert.False(await _store.CompactAsync("b1", [1], seq[0], CancellationToken.None).Bounded());
        Assert.Equal([2], (await _store.LoadDocumentAsync("b1", CancellationToken.None).Bounded())!.Snapshot);
    }

    [Fact]
    public async Task NeverReusesASequenceNumberAfterCompactionDeletedTheLastRows()
    {
        await CreateBillAsync("b1");
        var seq = await _store.AppendUpdatesAsync([new("b1", Bytes(1))], CancellationToken.None).Bounded();
        await _store.CompactAsync("b1", [1], seq[0], CancellationToken.None).Bounded();
        await _store.DisposeAsync();
        _store = SqliteDraftingStore.Open(_dir.File("store.db"));

        var next = await _store.AppendUpdatesAsync([new("b1", Bytes(2))], CancellationToken.None).Bounded();

        Assert.True(next[0] > seq[0]);
        var log = (await _store.LoadDocumentAsync("b1", CancellationToken.None).Bounded())!;
        Assert.Equal([2], log.Updates.Single().Data);
    }

    [Fact]
    public async Task BindsAClientIdToOneParticipantForGood()
    {
        await CreateBillAsync("b1");
        foreach (var p in new[] { "pa", "pb" })
        {
            await _store.AddParticipantAsync(new ParticipantRecord(p, "b1", p, "citizen", null, Now),
                new SessionRecord([(byte)p[1]], p, Now), null, CancellationToken.None).Bounded();
        }

        var a = await _store.BindClientIdsAsync("b1", "pa", [1, 2], CancellationToken.None).Bounded();
        var b = await _store.BindClientIdsAsync("b1", "pb", [2, 3], CancellationToken.None).Bounded();
        var again = await _store.BindClientIdsAsync("b1", "pa", [1], CancellationToken.None).Bounded();

        Assert.Equal([1, 2], a.Bound);
        Assert.Equal([3], b.Bound);
        Assert.Equal([2], b.Foreign);
        Assert.Equal([1], again.Bound);
    }

    [Fact]
    public async Task KeepsTheAuditLogAppendOnly()
    {
        await CreateBillAsync("b1");
        await _store.AppendAuditAsync(new AuditEntry("b1", Now, null, null, "test", "{}"), CancellationToken.None).Bounded();
        Assert.Single(await _store.ListAuditAsync("b1", 10, CancellationToken.None).Bounded());

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _dir.File("store.db"));
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM audit;";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => cmd.ExecuteNonQuery());
    }

    [Fact]
    public async Task RunsInWalModeAndMigratesOnOpen()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _dir.File("store.db"));
        await connection.OpenAsync().Bounded();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync().Bounded());
        cmd.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)SqliteDraftingStore.SchemaVersion, (long)(await cmd.ExecuteScalarAsync().Bounded())!);
        Assert.True(SqliteDraftingStore.SchemaVersion >= 3);
        Assert.True(_store.IsThrowaway); // it lives under the temp folder
        Assert.True(await _store.PingAsync(CancellationToken.None).Bounded());
    }
}
