using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// LISTENs on <see cref="PostgresDraftingStore.UpdatesChannel"/>, <see cref="PostgresDraftingStore.DeliberationChannel"/>
/// and <see cref="PostgresDraftingStore.PresenceChannel"/> on a connection of its own and hands each notice
/// written by another process (another <see cref="PostgresDraftingStore.Origin"/>) to <c>onNotice</c> (an
/// append), <c>onDeliberation</c> (a deliberation change) or <c>onPresence</c> (presence states). NOTIFY is not durable: when the connection drops, notices sent meanwhile are lost, so
/// after reconnecting it calls <c>onResync</c> and the caller must re-read what it holds.
/// Both callbacks run on the listening loop and must return quickly (queue the work).
/// </summary>
public sealed class PostgresUpdateListener : IAsyncDisposable
{
    private readonly PostgresDraftingStore _store;
    private readonly Action<UpdateNotice> _onNotice;
    private readonly Action<DeliberationNotice>? _onDeliberation;
    private readonly Action<PresenceNotice>? _onPresence;
    private readonly Action _onResync;
    private readonly Action<Exception> _onError;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Creates the listener; <see cref="StartAsync"/> connects.</summary>
    public PostgresUpdateListener(
        PostgresDraftingStore store, Action<UpdateNotice> onNotice, Action onResync, Action<Exception> onError, Action<DeliberationNotice>? onDeliberation = null,
        Action<PresenceNotice>? onPresence = null)
    {
        _onPresence = onPresence;
        _store = store;
        _onNotice = onNotice;
        _onDeliberation = onDeliberation;
        _onResync = onResync;
        _onError = onError;
    }

    /// <summary>Notices received from other processes so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    private long _received;

    /// <summary>Connects and LISTENs (failing loudly if it cannot), then keeps listening in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(connection), CancellationToken.None);
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        // Not from the store's pool: this connection is held for good and must not be shared.
        var builder = new NpgsqlConnectionStringBuilder(_store.ConnectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            connection.Notification += OnNotification;
            await using var cmd = new NpgsqlCommand($"LISTEN {PostgresDraftingStore.UpdatesChannel}; LISTEN {PostgresDraftingStore.DeliberationChannel}; LISTEN {PostgresDraftingStore.PresenceChannel};", connection);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        // Our own changes are skipped: our own connections were served directly.
        if (e.Channel == PostgresDraftingStore.UpdatesChannel && UpdateNotice.Parse(e.Payload) is { } notice && notice.Origin != _store.Origin)
        {
            Interlocked.Increment(ref _received);
            _onNotice(notice);
        }
        else if (e.Channel == PostgresDraftingStore.DeliberationChannel && DeliberationNotice.Parse(e.Payload) is { } changed && changed.Origin != _store.Origin)
        {
            Interlocked.Increment(ref _received);
            _onDeliberation?.Invoke(changed);
        }
        else if (e.Channel == PostgresDraftingStore.PresenceChannel && PresenceNotice.Parse(e.Payload) is { } presence && presence.Origin != _store.Origin)
        {
            _onPresence?.Invoke(presence);
        }
    }

    private async Task RunAsync(NpgsqlConnection connection)
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await connection.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the listener must outlive a dropped connection: report, reconnect, resync
            catch (Exception e)
#pragma warning restore CA1031
            {
                _onError(e);
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = await ReconnectAsync(token).ConfigureAwait(false);
                if (token.IsCancellationRequested) break;
                _onResync();
            }
        }
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken token)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
                return await ConnectAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return new NpgsqlConnection();
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
