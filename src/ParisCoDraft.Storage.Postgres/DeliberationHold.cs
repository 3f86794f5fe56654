using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// One bill's deliberation held for one action, across every process on the database: a session advisory
/// lock on a connection kept until <see cref="DisposeAsync"/>. If the process dies, PostgreSQL ends the
/// session and the lock with it. A wait longer than the command timeout (30 s by default) fails.
/// </summary>
internal sealed class DeliberationHold(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    private int _released;

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock($1);", connection);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock($1);", connection);
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await cmd.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // Had the unlock failed, the connection is broken: closing it ends the session, and the lock. A pooled
            // connection is also reset (DISCARD ALL, which releases advisory locks) before its next use.
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
