using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: every statement that both engines run alike, written once
/// over ADO.NET with <c>@name</c> parameters. A subclass supplies connections and transactions and the few
/// places where the engines really differ (PostgreSQL's advisory locks, <c>FOR SHARE</c> and <c>NOTIFY</c>;
/// each engine's own append path); everything else is here, so the two stores cannot drift apart.
/// Only the two stores of this solution derive from it.
/// </summary>
public abstract partial class SqlDraftingStore
{
    private protected SqlDraftingStore()
    {
    }

    /// <summary>A connection, open and set up for this engine.</summary>
    private protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A transaction that will write. SQLite takes the write lock at once (<c>BEGIN IMMEDIATE</c>), so two
    /// writers never deadlock upgrading; PostgreSQL runs it at its default isolation (read committed).
    /// </summary>
    private protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A read-only transaction whose reads all see the same moment of the database.</summary>
    private protected abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <inheritdoc cref="IDraftingStore.PingAsync"/>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = Command(connection, null, "SELECT count(*) FROM bills WHERE 1 = 0;");
            await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    private protected static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Runs <paramref name="cmd"/> and maps each row it returns.</summary>
    private protected static async Task<List<T>> ListAsync<T>(DbCommand cmd, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(row(reader));
        return list;
    }

    /// <summary>Runs <paramref name="cmd"/> and maps its first row; default when there is none.</summary>
    private protected static async Task<T?> FirstAsync<T>(DbCommand cmd, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? row(reader) : default;
    }
}
