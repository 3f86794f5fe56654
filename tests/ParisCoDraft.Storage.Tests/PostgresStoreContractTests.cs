using Npgsql;
using ParisCoDraft.Storage.Postgres;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Storage.Tests;

/// <summary>The store contract on a real PostgreSQL, plus what is PostgreSQL's own (schema version, NOTIFY).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests
{
    private string _connectionString = "";

    /// <inheritdoc />
    protected override async Task<IDraftingStore> CreateAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return await PostgresDraftingStore.OpenAsync(_connectionString);
    }

    /// <inheritdoc />
    protected override async Task<IDraftingStore> ReopenAsync() => await PostgresDraftingStore.OpenAsync(_connectionString);

    /// <inheritdoc />
    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task MigratesOnOpenOnceEvenWhenSeveralServersStartTogether()
    {
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresDraftingStore.OpenAsync(_connectionString))).Bounded(TimeSpan.FromSeconds(60));
        foreach (var s in again) await s.DisposeAsync();

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().Bounded();
        await using var cmd = new NpgsqlCommand("SELECT version FROM pariscodraft_schema;", connection);
        Assert.Equal(PostgresDraftingStore.SchemaVersion, (int)(await cmd.ExecuteScalarAsync().Bounded())!);
        Assert.True(PostgresDraftingStore.SchemaVersion >= 3);
        Assert.False(Store.IsThrowaway);
        Assert.StartsWith("postgresql://127.0.0.1:", Store.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesADatabaseFromNewerCode()
    {
        await ExecuteRawAsync("UPDATE pariscodraft_schema SET version = 999;");
        await Assert.ThrowsAsync<StoreException>(() => PostgresDraftingStore.OpenAsync(_connectionString).Bounded());
    }

    [Fact]
    public async Task AnnouncesEachAppendToOtherProcessesWithTheBillAndItsNumbers()
    {
        await Store.CreateBillAsync(Builders.Bill("b1"), CancellationToken.None).Bounded();
        await Store.CreateBillAsync(Builders.Bill("b2"), CancellationToken.None).Bounded();
        await using var other = await PostgresDraftingStore.OpenAsync(_connectionString).Bounded();
        var notices = new System.Collections.Concurrent.ConcurrentQueue<UpdateNotice>();
        await using var listener = new PostgresUpdateListener(other, notices.Enqueue, () => { }, e => throw e);
        await listener.StartAsync(CancellationToken.None).Bounded();

        var seq = await Store.AppendUpdatesAsync([new("b1", [1]), new("b2", [2]), new("b1", [3])], CancellationToken.None).Bounded();
        await other.AppendUpdatesAsync([new("b1", [4])], CancellationToken.None).Bounded(); // its own: not reported

        await Within.Until(() => notices.Count >= 2);
        await Task.Delay(200);
        var origin = ((PostgresDraftingStore)Store).Origin;
        Assert.Equal(
            [new UpdateNotice(origin, "b1", seq[0], seq[2], 2), new UpdateNotice(origin, "b2", seq[1], seq[1], 1)],
            notices.OrderBy(n => n.BillId));
        var missing = await other.ReadUpdatesAsync("b1", seq[0] - 1, seq[2], CancellationToken.None).Bounded();
        Assert.Null(missing!.Snapshot);
        Assert.Equal([seq[0], seq[2]], missing.Updates.Select(u => u.Sequence));
    }

    [Fact]
    public async Task HandsTheSnapshotToAReaderWhoseUpdatesWereCompactedAway()
    {
        await Store.CreateBillAsync(Builders.Bill("b1"), CancellationToken.None).Bounded();
        var pg = (PostgresDraftingStore)Store;
        var seq = await Store.AppendUpdatesAsync([new("b1", [1]), new("b1", [2]), new("b1", [3])], CancellationToken.None).Bounded();
        await Store.CompactAsync("b1", [7], seq[1], CancellationToken.None).Bounded();

        var behind = (await pg.ReadUpdatesAsync("b1", seq[0] - 1, long.MaxValue, CancellationToken.None).Bounded())!;
        var ahead = (await pg.ReadUpdatesAsync("b1", seq[1], long.MaxValue, CancellationToken.None).Bounded())!;

        Assert.Equal([7], behind.Snapshot);
        Assert.Equal([seq[2]], behind.Updates.Select(u => u.Sequence));
        Assert.Null(ahead.Snapshot);
        Assert.Equal([seq[2]], ahead.Updates.Select(u => u.Sequence));
        Assert.Equal(seq[2], await pg.LastIssuedSequenceAsync(CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task HoldsABillsDeliberationForOneHolderAtATimeAcrossProcesses()
    {
        await using var other = await PostgresDraftingStore.OpenAsync(_connectionString).Bounded();
        var held = await ((IDeliberationStore)Store).HoldDeliberationAsync("b1", CancellationToken.None).Bounded();
        var waiting = other.HoldDeliberationAsync("b1", CancellationToken.None);
        await using (await other.HoldDeliberationAsync("b2", CancellationToken.None).Bounded())
        {
            // Another bill is not held back.
        }
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var second = await waiting.Bounded();
        var third = ((IDeliberationStore)Store).HoldDeliberationAsync("b1", CancellationToken.None);
        await Task.Delay(300);
        Assert.False(third.IsCompleted);
        await second.DisposeAsync();
        await (await third.Bounded()).DisposeAsync();
    }

    [Fact]
    public async Task AnnouncesEachDeliberationChangeToOtherProcessesWithTheBillAndItsRevision()
    {
        await Store.CreateBillAsync(Builders.Bill("b1"), CancellationToken.None).Bounded();
        await using var other = await PostgresDraftingStore.OpenAsync(_connectionString).Bounded();
        var notices = new System.Collections.Concurrent.ConcurrentQueue<DeliberationNotice>();
        await using var listener = new PostgresUpdateListener(other, _ => { }, () => { }, e => throw e, notices.Enqueue);
        await listener.StartAsync(CancellationToken.None).Bounded();

        var deliberation = (IDeliberationStore)Store;
        await deliberation.SaveLockAsync(new ClauseLockRecord("b1", "k1", "vote", "pf", Builders.Now), Builders.Audit("b1", "clause.lock"), CancellationToken.None).Bounded();
        await deliberation.DeleteLockAsync("b1", "k1", Builders.Audit("b1", "clause.unlock"), CancellationToken.None).Bounded();
        await deliberation.DeleteLockAsync("b1", "k1", Builders.Audit("b1", "clause.unlock"), CancellationToken.None).Bounded(); // nothing: no notice
        await ((IDeliberationStore)other).SaveLockAsync(new ClauseLockRecord("b1", "k2", "vote", "pf", Builders.Now), Builders.Audit("b1", "clause.lock"), CancellationToken.None).Bounded(); // its own

        await Within.Until(() => notices.Count >= 2);
        await Task.Delay(200);
        var origin = ((PostgresDraftingStore)Store).Origin;
        Assert.Equal([new DeliberationNotice(origin, "b1", 1), new DeliberationNotice(origin, "b1", 2)], notices);
    }
}
