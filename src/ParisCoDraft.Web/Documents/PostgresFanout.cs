using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Protocols;
using ParisCoDraft.Storage;
using ParisCoDraft.Storage.Postgres;
using ParisCoDraft.Web.Deliberation;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// Fan-out between server processes sharing one PostgreSQL database. Each append is announced by the store
/// with NOTIFY (origin, bill, first..last sequence: a few dozen bytes). This process LISTENs; for a notice
/// from another process about a bill it has in memory, it reads those updates from the store, applies them
/// to its doc and broadcasts them to its own connections of the bill. Notices are handled one at a time, in
/// arrival order, on one loop. A deliberation change is announced the same way (bill and revision); this
/// process hands it to <see cref="DeliberationService.ChangedElsewhere"/>, which reloads that bill's
/// deliberation if held here and sends what changed to its own connections. If the listening connection
/// drops (notices lost), every loaded bill is re-read in full once it is back (document and deliberation),
/// and the difference is broadcast.
/// </summary>
public sealed class PostgresFanout(PostgresDraftingStore store, IServiceProvider services, ILogger<PostgresFanout> logger)
    : IUpdateFanout, IHostedService, IAsyncDisposable
{
    private const string Origin = "fanout";
    private readonly Channel<UpdateNotice?> _work = Channel.CreateUnbounded<UpdateNotice?>(new UnboundedChannelOptions { SingleReader = true });
    private PostgresUpdateListener? _listener;
    private Task? _loop;
    private long _applied;

    /// <summary>Notices from other processes applied to a loaded doc so far.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    private DocumentRooms Rooms => services.GetRequiredService<DocumentRooms>();

    private IHubContext<BillHub> Hub => services.GetRequiredService<IHubContext<BillHub>>();

    private DeliberationService Deliberation => services.GetRequiredService<DeliberationService>();

    private PostgresPresence Presence => services.GetRequiredService<PostgresPresence>();

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _listener = new PostgresUpdateListener(store,
            notice => _work.Writer.TryWrite(notice),
            () =>
            {
                _work.Writer.TryWrite(null);
                Presence.Resync();
            },
            e => FanoutLog.ListenFailed(logger, e),
            notice => Deliberation.ChangedElsewhere(notice.BillId),
            notice => Presence.Received(notice));
        await _listener.StartAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(RunAsync, CancellationToken.None);
        FanoutLog.Listening(logger, store.Origin);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_listener is not null) await _listener.DisposeAsync().ConfigureAwait(false);
        _listener = null;
        _work.Writer.TryComplete();
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task BeforeSnapshotAsync(DocumentRoom room, long upToSequence, CancellationToken cancellationToken)
    {
        // The whole log up to the snapshot's number (snapshot included: another process may have compacted
        // updates this doc never saw). Applying what the doc already holds changes nothing. What it did
        // change is broadcast now: once those updates are compacted away, their notices find only the
        // snapshot, and the difference they would send is already in the doc.
        var log = await store.ReadUpdatesAsync(room.BillId, after: -1, upToSequence, cancellationToken).ConfigureAwait(false);
        if (log is not null) await BroadcastAsync(room, log, Apply(room, log, diff: true)).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var notice in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (notice is null)
            {
                await ResyncAsync().ConfigureAwait(false);
                continue;
            }
            try
            {
                if (Rooms.TryGetLoading(notice.BillId) is not { } loading) continue;
                var room = await loading.ConfigureAwait(false);
                var log = await store.ReadUpdatesAsync(notice.BillId, notice.First - 1, notice.Last, CancellationToken.None).ConfigureAwait(false);
                if (log is null) continue;
                // Normally the notice's own updates; when a compaction deleted them meanwhile, the snapshot
                // that holds them, and then what changed in the doc is sent instead.
                await BroadcastAsync(room, log, Apply(room, log, diff: log.Snapshot is not null)).ConfigureAwait(false);
                Interlocked.Increment(ref _applied);
                FanoutLog.Applied(logger, notice.First, notice.Last, notice.BillId, notice.Origin);
            }
#pragma warning disable CA1031 // one bill's failure must not stop the fan-out of the others
            catch (Exception e)
#pragma warning restore CA1031
            {
                FanoutLog.ApplyFailed(logger, e, notice.BillId);
            }
        }
    }

    private async Task ResyncAsync()
    {
        var rooms = Rooms.LoadedRooms();
        foreach (var room in rooms)
        {
            Deliberation.ChangedElsewhere(room.BillId);
            try
            {
                var log = await store.ReadUpdatesAsync(room.BillId, after: -1, long.MaxValue, CancellationToken.None).ConfigureAwait(false);
                if (log is not null) await BroadcastAsync(room, log, Apply(room, log, diff: true)).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // one bill's failure must not stop the others' resync
            catch (Exception e)
#pragma warning restore CA1031
            {
                FanoutLog.ApplyFailed(logger, e, room.BillId);
            }
        }
        FanoutLog.Resynced(logger, rooms.Count);
    }

    /// <summary>Applies a log to the room's doc; with <paramref name="diff"/>, returns what it changed as one update.</summary>
    private static byte[]? Apply(DocumentRoom room, Storage.DocumentLog log, bool diff)
    {
        lock (room.Gate)
        {
            if (room.Closed) return null;
            var before = diff ? Y.EncodeStateVector(room.Doc) : null;
            if (log.Snapshot is not null) Y.ApplyUpdate(room.Doc, log.Snapshot, Origin);
            foreach (var u in log.Updates) Y.ApplyUpdate(room.Doc, u.Data, Origin);
            // Another process stores the title too; doing it here as well keeps this room's Title right.
            room.NoteTitleChange();
            return before is null ? null : Y.EncodeStateAsUpdate(room.Doc, before);
        }
    }

    private async Task BroadcastAsync(DocumentRoom room, Storage.DocumentLog log, byte[]? diff)
    {
        var group = Hub.Clients.Group(BillHub.GroupName(room.BillId));
        if (diff is not null)
        {
            await group.SendAsync("Sync", room.BillId, SyncProtocol.EncodeUpdate(diff)).ConfigureAwait(false);
            return;
        }
        foreach (var u in log.Updates)
        {
            await group.SendAsync("Sync", room.BillId, SyncProtocol.EncodeUpdate(u.Data)).ConfigureAwait(false);
        }
    }
}
