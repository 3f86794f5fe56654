using System.Data;
using System.Data.Common;
using Npgsql;
using ParisCoDraft.Storage.Sql;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, for when one machine is not enough: several server processes share one
/// database. Same contract as the SQLite store (append-only audit and versions, a document log whose
/// sequence numbers are never reused, compaction that keeps what was appended meanwhile). Every append and
/// every deliberation change also announces itself with <c>NOTIFY</c> (see <see cref="PostgresUpdateListener"/>)
/// so the other processes can bring their in-memory documents and deliberations up to date.
/// </summary>
public sealed partial class PostgresDraftingStore : SqlDraftingStore, IDraftingStore, IDeliberationStore, IVersionStore
{
    /// <summary>The NOTIFY channel on which appends are announced.</summary>
    public const string UpdatesChannel = "pariscodraft_updates";

    /// <summary>The NOTIFY channel on which deliberation changes are announced.</summary>
    public const string DeliberationChannel = "pariscodraft_deliberation";

    /// <summary>The NOTIFY channel on which presence (cursors, who is here) is shared; nothing of it is stored.</summary>
    public const string PresenceChannel = "pariscodraft_presence";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresDraftingStore(NpgsqlDataSource dataSource, string location)
    {
        _dataSource = dataSource;
        Location = location;
        Origin = Guid.NewGuid().ToString("N")[..16];
    }

    /// <summary>The schema version this build migrates databases to.</summary>
    public static int SchemaVersion => PostgresSchema.Version;

    /// <summary>This store instance (one per server process): written with each update it appends.</summary>
    public string Origin { get; }

    /// <summary>The connection string (password included): for the listener's own connection.</summary>
    internal string ConnectionString => _dataSource.ConnectionString;

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public bool IsThrowaway => false;

    /// <summary>Connects with <paramref name="connectionString"/> and migrates the schema.</summary>
    public static async Task<PostgresDraftingStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException("The PostgreSQL connection string is not valid: " + e.Message, e);
        }
        var location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await PostgresSchema.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open the PostgreSQL database at {location}: {e.Message}", e);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgresDraftingStore(dataSource, location);
    }

    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    private protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    // Repeatable read: every statement of the transaction sees the database as of its first one.
    private protected override async ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    // See SqlDraftingStore.LockInviteForJoin.
    private protected override string LockInviteForJoin => " FOR SHARE";

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
