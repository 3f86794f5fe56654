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
                // On a file it may not write, SQLite quietly opens read-only (when the WAL's -shm is there) or not at all.
                if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
                {
                    throw Unwritable(full, WhyUnwritable(full) ?? "SQLite could open it only read-only", inner: null);
                }
                Configure(connection, wal: true);
                CheckIntegrity(connection, full);
                SqliteSchema.Migrate(connection);
            }
            catch (SqliteException e) when (WhyUnwritable(full) is { } why)
            {
                throw Unwritable(full, why, e);
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
    /// A database it cannot write is refused at start rather than served read-only: joining a bill records the
    /// tab's client id, so no one could even join, and in WAL mode SQLite can read such a file only when its
    /// -shm is there or with <c>immutable=1</c>, which ignores a -wal's committed transactions (an older bill).
    /// A server that is already running when its disk turns read-only keeps serving and refuses each write instead.
    /// </summary>
    private static StoreException Unwritable(string full, string why, Exception? inner)
    {
        var message = $"The SQLite database at {full} cannot be written: {why}. Refusing to start: a server that cannot write " +
            "keeps no one's edits and lets no one join. Nothing in the file is lost. Make it writable again " +
            "(remount its file system read-write; one that turned read-only after a disk error needs umount, fsck, mount) " +
            "and start the server again.";
        return inner is null ? new StoreException(message) : new StoreException(message, inner);
    }

    /// <summary>
    /// The operating system's answer when the database file (or, for its -wal and -shm or a new database, its
    /// folder) is opened for writing, or null when it can be written. Asked only once SQLite has failed or opened
    /// read-only: no connection of ours holds a lock on the file that closing the probe could release.
    /// </summary>
    private static string? WhyUnwritable(string full)
    {
        try
        {
            if (File.Exists(full))
            {
                using var file = File.OpenHandle(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            }
            var probe = Path.Combine(Path.GetDirectoryName(full)!, ".pariscodraft-write-probe-" + Guid.NewGuid().ToString("N"));
            using (File.OpenHandle(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            return e.Message;
        }
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
