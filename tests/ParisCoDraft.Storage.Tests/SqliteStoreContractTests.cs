using Microsoft.Data.Sqlite;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Storage.Tests;

/// <summary>The store contract on a SQLite file, plus what is SQLite's own (WAL, user_version).</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DatabasePath => _dir.File("store.db");

    /// <inheritdoc />
    protected override Task<IDraftingStore> CreateAsync() => Task.FromResult<IDraftingStore>(SqliteDraftingStore.Open(DatabasePath));

    /// <inheritdoc />
    protected override Task<IDraftingStore> ReopenAsync() => CreateAsync();

    /// <inheritdoc />
    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + DatabasePath + ";Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task RunsInWalModeAndMigratesOnOpen()
    {
        await using var connection = new SqliteConnection("Data Source=" + DatabasePath + ";Pooling=False");
        await connection.OpenAsync().Bounded();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync().Bounded());
        cmd.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)SqliteDraftingStore.SchemaVersion, (long)(await cmd.ExecuteScalarAsync().Bounded())!);
        Assert.True(SqliteDraftingStore.SchemaVersion >= 3);
        Assert.True(Store.IsThrowaway); // it lives under the temp folder
        Assert.True(await Store.PingAsync(CancellationToken.None).Bounded());
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
