using System.Data.Common;
using Microsoft.Data.Sqlite;
using ParisCoDraft.Storage.Sql;

namespace ParisCoDraft.Storage.Sqlite;

/// <summary>
/// The store on one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed transaction
/// survives a crash. Connections come from Microsoft.Data.Sqlite's pool, one per call.
/// </summary>
public sealed partial class SqliteDraftingStore : SqlDraftingStore, IDraftingStore, IVersionStore
{
    /// <summary>The schema version this build migrates databases to.</summary>
    public static int SchemaVersion => SqliteSchema.Version;

    private const string InMemory = ":memory:";
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    private SqliteDraftingStore(string location, string connectionString, bool throwaway, SqliteConnection? keepAlive)
    {
        Location = location;
        _connectionString = connectionString;
        IsThrowaway = throwaway;
        _keepAlive = keepAlive;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public bool IsThrowaway { get; }

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/> and migrates its schema.
    /// <c>:memory:</c> gives a private in-memory database that lives as long as the store.
    /// </summary>
    public static SqliteDraftingStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == InMemory)
        {
            var cs = new SqliteConnectionStringBuilder
            {
                DataSource = "pariscodraft-" + Guid.NewGuid().ToString("N"),
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();
            var keepAlive = new SqliteConnection(cs);
            keepAlive.Open();
            Configure(keepAlive, wal: false);
            SqliteSchema.Migrate(keepAlive);
            return new SqliteDraftingStore(InMemory, cs, throwaway: true, keepAlive);
        }

        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        // A zero-byte file is what a truncated database looks like, and SQLite would take it for a new one:
        // starting would serve no bills where there were some. Refuse; a new database is made where no file is.
        if (File.Exists(full) && new FileInfo(full).Length == 0)
        {
            throw new StoreException($"The SQLite database at {full} is empty (0 bytes): it was truncated or is not a database. " +
                                     "Refusing to start rather than serve an empty store. Restore it from a backup (scripts/restore), or delete the file to start a new database.");
        }
        using (var connection = new SqliteConnection(connectionString))
        {
            try
            {
                connection.Open();
                Configure(connection, wal: true);
                CheckIntegrity(connection, full);
                SqliteSchema.Migrate(connection);
            }
            catch (SqliteException e)
            {
                throw new StoreException($"Cannot open the SQLite database at {full}: {e.Message}. " +
                                         "Refusing to start. If the file is damaged, restore it from a backup (scripts/restore).", e);
            }
        }
        return new SqliteDraftingStore(full, connectionString, IsTemporaryPath(full), keepAlive: null);
    }

    /// <summary>
    /// <c>PRAGMA quick_check</c> at open: a damaged file (torn pages, overwritten bytes) is refused before
    /// anything is served from it or written to it. It reads every page once, a fraction of a second for a
    /// workshop's database.
    /// </summary>
    private static void CheckIntegrity(SqliteConnection connection, string full)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA quick_check(5);";
        var problems = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) problems.Add(reader.GetString(0));
        }
        if (problems is ["ok"]) return;
        throw new StoreException($"The SQLite database at {full} is damaged (quick_check: {string.Join("; ", problems)}). " +
                                 "Refusing to start rather than serve a damaged store. Restore it from a backup (scripts/restore).");
    }

    private static bool IsTemporaryPath(string full)
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        return full.StartsWith(temp, StringComparison.Ordinal) || full.StartsWith("/dev/shm/", StringComparison.Ordinal);
    }

    private static void Configure(SqliteConnection connection, bool wal)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = (wal ? "PRAGMA journal_mode = WAL;" : "") +
                          "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        cmd.ExecuteNonQuery();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per-connection settings: a pooled connection keeps them, but setting them again is cheap.
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    // BEGIN IMMEDIATE: take the write lock now rather than upgrade a read lock later (which can fail busy).
    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // A deferred transaction reads from one WAL snapshot from its first read on.
    private protected override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _keepAlive?.Dispose();
        if (_keepAlive is null)
        {
            // Release pooled handles so the file can be reopened (tests restart on the same file).
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        return ValueTask.CompletedTask;
    }
}
