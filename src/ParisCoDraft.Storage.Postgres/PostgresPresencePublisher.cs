using System.Text;
using System.Threading.Channels;
using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// Sends <see cref="PresenceNotice"/>s with <c>pg_notify</c> on a connection of its own, with
/// <c>synchronous_commit = off</c>: presence is not stored, so its notices need not wait for a WAL flush,
/// and they never go through the document append's group commit. Notices queued meanwhile leave in one
/// statement (one transaction, delivered in order). When the connection fails, the notices in hand are
/// dropped (presence is renewed by the clients anyway) and it reconnects.
/// </summary>
public sealed class PostgresPresencePublisher : IAsyncDisposable
{
    /// <summary>Notices waiting beyond this are dropped, oldest first: fresher states replace them.</summary>
    public const int QueueCapacity = 10_000;

    private const int MaxPerStatement = 256;

    private readonly PostgresDraftingStore _store;
    private readonly Action<Exception> _onError;
    private readonly Channel<string> _queue = Channel.CreateBounded<string>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _sent;
    private bool _disposed;

    /// <summary>Creates the publisher; <see cref="StartAsync"/> connects.</summary>
    public PostgresPresencePublisher(PostgresDraftingStore store, Action<Exception> onError)
    {
        _store = store;
        _onError = onError;
    }

    /// <summary>Notices sent so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Connects (failing loudly if it cannot), then sends in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(connection), CancellationToken.None);
    }

    /// <summary>Queues a notice; false (nothing queued) when its payload is over <see cref="PresenceNotice.MaxPayloadBytes"/>.</summary>
    public bool TryPublish(PresenceNotice notice)
    {
        var payload = notice.Format();
        if (Encoding.UTF8.GetByteCount(payload) > PresenceNotice.MaxPayloadBytes) return false;
        return _queue.Writer.TryWrite(payload);
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_store.ConnectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand("SET synchronous_commit = off", connection);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunAsync(NpgsqlConnection connection)
    {
        var token = _stop.Token;
        var batch = new List<string>(MaxPerStatement);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxPerStatement && _queue.Reader.TryRead(out var payload)) batch.Add(payload);
                try
                {
                    await using var cmd = new NpgsqlCommand(
                        $"SELECT count(pg_notify('{PostgresDraftingStore.PresenceChannel}', p)) FROM unnest(@p::text[]) AS p",
                        connection);
                    cmd.Parameters.Add(new NpgsqlParameter<string[]>("p", [.. batch]));
                    await cmd.ExecuteScalarAsync(token).ConfigureAwait(false);
                    Interlocked.Add(ref _sent, batch.Count);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // presence must outlive a dropped connection: report, reconnect, carry on
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _onError(e);
                    await connection.DisposeAsync().ConfigureAwait(false);
                    connection = await ReconnectAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken token)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            await Task.Delay(delay, token).ConfigureAwait(false);
            try
            {
                return await ConnectAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // keep trying until the database is back or we stop
            catch (Exception e)
#pragma warning restore CA1031
            {
                _onError(e);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>Sends what is queued (bounded by <paramref name="timeout"/>), then stops.</summary>
    public async Task FlushAndStopAsync(TimeSpan timeout)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await Task.WhenAny(_loop, Task.Delay(timeout)).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
