using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt.Protocols;
using ParisCoDraft.Storage.Postgres;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// Presence shared between server processes on one PostgreSQL database (docs/storage.md). The hub relays its
/// own connections' awareness in batches; each batch (and each removal) is also published here as
/// <see cref="PresenceNotice"/>s (<c>pg_notify</c>, split to stay under NOTIFY's 8000-byte payload). Another
/// process that holds the bill keeps those states in its room as <em>remote</em> ones (owner process, the exact
/// state string) and sends them to its own connections only: a remote state is never published again, so
/// nothing echoes back or loops. A local state of the same client id (the person moved to this process) wins
/// over a remote one. Remote states disappear when their process says it leaves, when it has sent nothing
/// (not even its heartbeat) for <see cref="OriginTimeout"/> (it was killed), or when a state was not renewed
/// for <see cref="StateTimeout"/> (browsers renew theirs every 15 s); each removal is sent to the connections
/// as a null state. The first join of a bill on a process asks the others for their states of it.
/// </summary>
public sealed class PostgresPresence(PostgresDraftingStore store, IServiceProvider services, TimeProvider time, ILogger<PostgresPresence> logger)
    : IPresenceFanout, IHostedService, IAsyncDisposable
{
    /// <summary>How often this process says it is alive.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    /// <summary>A process heard nothing from for this long is taken for dead, and its states are removed.</summary>
    public static readonly TimeSpan OriginTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A remote state not renewed for this long is removed (y-protocols clients renew every 15 s).</summary>
    public static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(45);

    private sealed record RemoteState(string Origin, string Json, long SeenAt);

    private readonly Channel<PresenceNotice?> _inbox = Channel.CreateUnbounded<PresenceNotice?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConditionalWeakTable<DocumentRoom, Dictionary<long, RemoteState>> _remote = [];
    private readonly ConditionalWeakTable<DocumentRoom, object> _asked = [];
    private readonly ConcurrentDictionary<string, long> _originSeen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private PostgresPresencePublisher? _publisher;
    private Task? _loop;
    private Task? _beat;
    private long _received;
    private long _tooLarge;
    private bool _disposed;

    /// <summary>Presence notices from other processes handled so far.</summary>
    public long NoticesReceived => Interlocked.Read(ref _received);

    /// <summary>States that were too large for one notice, kept on this process.</summary>
    public long TooLarge => Interlocked.Read(ref _tooLarge);

    /// <summary>Presence notices this process sent so far.</summary>
    public long NoticesSent => _publisher?.Sent ?? 0;

    private DocumentRooms Rooms => services.GetRequiredService<DocumentRooms>();

    private IHubContext<BillHub> Hub => services.GetRequiredService<IHubContext<BillHub>>();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _publisher = new PostgresPresencePublisher(store, e => PresenceLog.PublishFailed(logger, e));
        await _publisher.StartAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _beat = Task.Run(BeatAsync, CancellationToken.None);
        PresenceLog.Sharing(logger, store.Origin);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Tell the others at once rather than let them wait for the timeout.
        if (_publisher is { } publisher && !_disposed)
        {
            publisher.TryPublish(new PresenceNotice(PresenceNoticeKind.Leaving, store.Origin, null, ""));
            await publisher.FlushAndStopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        if (_publisher is not null) await _publisher.DisposeAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        if (_beat is not null) await _beat.ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>A notice from another process (called on the listening loop: only queues).</summary>
    public void Received(PresenceNotice notice) => _inbox.Writer.TryWrite(notice);

    /// <summary>The listening connection came back (notices were lost): asks again for every loaded bill's states.</summary>
    public void Resync() => _inbox.Writer.TryWrite(null);

    /// <inheritdoc />
    public void Joined(DocumentRoom room)
    {
        if (_asked.TryAdd(room, room)) Publish(new PresenceNotice(PresenceNoticeKind.Query, store.Origin, room.BillId, ""));
    }

    /// <inheritdoc />
    public void Publish(DocumentRoom room, IReadOnlyList<AwarenessEntry> entries)
    {
        if (entries.Count == 0) return;
        var budget = PresenceNotice.MaxPayloadBytes - PresenceNotice.HeaderBytes(store.Origin, room.BillId);
        var body = new StringBuilder();
        var bytes = 0;
        foreach (var entry in entries)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{entry.ClientId} {entry.Clock} {entry.Json}\n");
            var size = Encoding.UTF8.GetByteCount(line);
            if (size > budget)
            {
                Interlocked.Increment(ref _tooLarge);
                PresenceLog.StateTooLarge(logger, entry.ClientId, room.BillId, size);
                continue;
            }
            if (bytes + size > budget)
            {
                Publish(new PresenceNotice(PresenceNoticeKind.States, store.Origin, room.BillId, body.ToString()));
                body.Clear();
                bytes = 0;
            }
            body.Append(line);
            bytes += size;
        }
        if (bytes > 0) Publish(new PresenceNotice(PresenceNoticeKind.States, store.Origin, room.BillId, body.ToString()));
    }

    private void Publish(PresenceNotice notice) => _publisher?.TryPublish(notice);

    private async Task RunAsync()
    {
        await foreach (var notice in _inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (notice is null)
                {
                    foreach (var loaded in Rooms.LoadedRooms()) Publish(new PresenceNotice(PresenceNoticeKind.Query, store.Origin, loaded.BillId, ""));
                    continue;
                }
                Interlocked.Increment(ref _received);
                if (notice.Kind == PresenceNoticeKind.Leaving)
                {
                    _originSeen.TryRemove(notice.Origin, out _);
                    await RemoveAsync(notice.Origin, "it stopped").ConfigureAwait(false);
                    continue;
                }
                _originSeen[notice.Origin] = time.GetTimestamp();
                if (notice.BillId is null || Rooms.TryGetLoading(notice.BillId) is not { } loading) continue;
                var room = await loading.ConfigureAwait(false);
                if (notice.Kind == PresenceNoticeKind.Query) Publish(room, LocalStates(room));
                else if (notice.Kind == PresenceNoticeKind.States) await ApplyAsync(room, notice).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // one notice's failure must not stop presence for the others
            catch (Exception e)
#pragma warning restore CA1031
            {
                PresenceLog.HandleFailed(logger, e, notice?.BillId);
            }
        }
    }

    /// <summary>Keeps another process's states in the room and shows them to this process's connections.</summary>
    private async Task ApplyAsync(DocumentRoom room, PresenceNotice notice)
    {
        var changed = new List<AwarenessEntry>();
        var now = time.GetTimestamp();
        lock (room.Gate)
        {
            if (room.Closed) return;
            var remote = _remote.GetOrCreateValue(room);
            foreach (var line in notice.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (ParseLine(line) is not { } entry) continue;
                var present = room.Awareness.TryGetValue(entry.ClientId, out var current);
                var isRemote = present && remote.TryGetValue(entry.ClientId, out var known) && ReferenceEquals(known.Json, current.Json);
                // A state made on this process (the person is connected here now) wins over another's.
                if (present && !isRemote) continue;
                if (entry.IsRemoval)
                {
                    if (!present) continue;
                    room.Awareness.Remove(entry.ClientId);
                    remote.Remove(entry.ClientId);
                    changed.Add(entry);
                    continue;
                }
                if (present && entry.Clock < current.Clock) continue;
                room.Awareness[entry.ClientId] = (entry.Clock, entry.Json);
                remote[entry.ClientId] = new RemoteState(notice.Origin, entry.Json, now);
                changed.Add(entry);
            }
        }
        if (changed.Count > 0) await SendAsync(room.BillId, changed).ConfigureAwait(false);
    }

    /// <summary>The room's states made by this process's own connections (not another process's).</summary>
    private List<AwarenessEntry> LocalStates(DocumentRoom room)
    {
        var local = new List<AwarenessEntry>();
        lock (room.Gate)
        {
            _remote.TryGetValue(room, out var remote);
            foreach (var (id, state) in room.Awareness)
            {
                if (remote is not null && remote.TryGetValue(id, out var r) && ReferenceEquals(r.Json, state.Json)) continue;
                local.Add(new AwarenessEntry(id, state.Clock, state.Json));
            }
        }
        return local;
    }

    private async Task BeatAsync()
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Publish(new PresenceNotice(PresenceNoticeKind.Heartbeat, store.Origin, null, ""));
                var now = time.GetTimestamp();
                foreach (var (origin, seen) in _originSeen)
                {
                    if (time.GetElapsedTime(seen, now) > OriginTimeout && _originSeen.TryRemove(origin, out _))
                    {
                        await RemoveAsync(origin, "silent for " + OriginTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s").ConfigureAwait(false);
                    }
                }
                await ExpireAsync(now).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Removes remote states not renewed for <see cref="StateTimeout"/> (a removal that was lost).</summary>
    private async Task ExpireAsync(long now)
    {
        foreach (var room in Rooms.LoadedRooms())
        {
            var removed = Remove(room, r => time.GetElapsedTime(r.SeenAt, now) > StateTimeout);
            if (removed.Count > 0) await SendAsync(room.BillId, removed).ConfigureAwait(false);
        }
    }

    /// <summary>Removes every state a process announced, in every loaded room.</summary>
    private async Task RemoveAsync(string origin, string reason)
    {
        var total = 0;
        foreach (var room in Rooms.LoadedRooms())
        {
            var removed = Remove(room, r => r.Origin == origin);
            total += removed.Count;
            if (removed.Count > 0) await SendAsync(room.BillId, removed).ConfigureAwait(false);
        }
        PresenceLog.OriginGone(logger, origin, reason, total);
    }

    private List<AwarenessEntry> Remove(DocumentRoom room, Func<RemoteState, bool> which)
    {
        var removed = new List<AwarenessEntry>();
        lock (room.Gate)
        {
            if (!_remote.TryGetValue(room, out var remote) || remote.Count == 0) return removed;
            foreach (var (id, state) in remote.ToList())
            {
                if (!which(state)) continue;
                remote.Remove(id);
                // Only if the room still holds that very state (not a newer local one of the same client id).
                if (room.Awareness.TryGetValue(id, out var current) && ReferenceEquals(current.Json, state.Json))
                {
                    room.Awareness.Remove(id);
                    removed.Add(new AwarenessEntry(id, current.Clock + 1, "null"));
                }
            }
        }
        return removed;
    }

    private Task SendAsync(string billId, List<AwarenessEntry> entries) =>
        Hub.Clients.Group(BillHub.GroupName(billId)).SendAsync("Awareness", billId, AwarenessUpdate.Encode(entries));

    /// <summary>"clientId clock json"; null when the line is not one.</summary>
    internal static AwarenessEntry? ParseLine(string line)
    {
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        if (second < 0) return null;
        var inv = CultureInfo.InvariantCulture;
        if (!long.TryParse(line.AsSpan(0, first), NumberStyles.None, inv, out var id) ||
            !long.TryParse(line.AsSpan(first + 1, second - first - 1), NumberStyles.None, inv, out var clock))
        {
            return null;
        }
        return new AwarenessEntry(id, clock, line[(second + 1)..]);
    }
}
