using System.Diagnostics;
using Microsoft.Extensions.Options;
using ParisCoDraft.Crdt;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Hosting;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// The documents in memory, one per bill with connections. The first joiner loads it from the store and
/// later joiners await the same load, so nobody sees a half-loaded doc. A room whose last user left is
/// compacted and unloaded after <see cref="DraftingOptions.IdleUnloadSeconds"/>; on shutdown every room
/// is compacted.
/// </summary>
public sealed partial class DocumentRooms(
    IDraftingStore store, IOptions<DraftingOptions> options, TimeProvider clock, IUpdateFanout fanout, ILogger<DocumentRooms> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _rooms = [];
    private readonly BillTitles _titles = new(store, logger);

    private sealed class Entry(Task<DocumentRoom> load)
    {
        public Task<DocumentRoom> Load { get; } = load;
        public int Users;
        public DateTimeOffset IdleSince;
    }

    /// <summary>Writes the bills' titles as their documents change them.</summary>
    public BillTitles Titles => _titles;

    /// <summary>Rooms in memory now.</summary>
    public int Count
    {
        get { lock (_gate) return _rooms.Count; }
    }

    /// <summary>
    /// The bill's room, loaded if needed, counted as used until <see cref="Release"/>.
    /// Throws <see cref="UnknownBillException"/> when the store has no such bill.
    /// </summary>
    public async Task<DocumentRoom> AcquireAsync(string billId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_rooms.TryGetValue(billId, out entry!))
            {
                entry = new Entry(LoadAsync(billId));
                _rooms[billId] = entry;
            }
            entry.Users++;
        }
        try
        {
            return await entry.Load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                entry.Users--;
                // A failed load is forgotten so the next joiner tries again.
                if (entry.Load.IsFaulted && _rooms.TryGetValue(billId, out var current) && current == entry) _rooms.Remove(billId);
            }
            throw;
        }
    }

    /// <summary>One user of the room left.</summary>
    public void Release(DocumentRoom room)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(room.BillId, out var entry) && --entry.Users == 0) entry.IdleSince = clock.GetUtcNow();
        }
    }

    /// <summary>
    /// Writes the room's state as the new snapshot and drops the log up to it. Skipped (false) while an
    /// update is between the store and the doc, since the snapshot must hold every update up to its number.
    /// </summary>
    public async Task<bool> CompactAsync(DocumentRoom room, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref room.Compacting, 1) == 1) return false;
        try
        {
            byte[] snapshot;
            long sequence;
            lock (room.Gate)
            {
                if (room.InFlight > 0) return false;
                sequence = room.AppliedSequence;
            }
            // Scale-out: another process's updates numbered below `sequence` may not be in this doc yet (a no-op
            // in one process). Updates this process appends from now on are numbered above `sequence`.
            await fanout.BeforeSnapshotAsync(room, sequence, cancellationToken).ConfigureAwait(false);
            lock (room.Gate)
            {
                snapshot = Y.EncodeStateAsUpdate(room.Doc);
                room.SinceCompaction = 0;
            }
            if (await store.CompactAsync(room.BillId, snapshot, sequence, cancellationToken).ConfigureAwait(false))
            {
                DocumentLog.Compacted(logger, room.BillId, sequence, snapshot.Length);
            }
            return true;
        }
#pragma warning disable CA1031 // a failed compaction loses nothing (the log stays); log it and go on
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            DocumentLog.CompactionFailed(logger, e, room.BillId);
            return false;
        }
        finally
        {
            Volatile.Write(ref room.Compacting, 0);
        }
    }

    /// <summary>Compacts in the background when enough updates piled up since the last time.</summary>
    public void CompactIfDue(DocumentRoom room)
    {
        // An int read needs no gate: a stale count only moves the compaction by one update.
        var since = room.SinceCompaction;
        if (since >= Math.Max(1, options.Value.CompactEvery) && Volatile.Read(ref room.Compacting) == 0)
        {
            _ = Task.Run(() => CompactAsync(room, CancellationToken.None));
        }
    }

    private async Task<DocumentRoom> LoadAsync(string billId)
    {
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        try
        {
            var log = await store.LoadDocumentAsync(billId, CancellationToken.None).ConfigureAwait(false)
                      ?? throw new UnknownBillException(billId);
            // gc off: deleted text is kept, so versions and diffs of earlier states stay possible.
            var doc = new Doc(new DocOptions { Gc = false });
            if (log.Snapshot is not null) Y.ApplyUpdate(doc, log.Snapshot, "store");
            foreach (var update in log.Updates) Y.ApplyUpdate(doc, update.Data, "store");
            var room = new DocumentRoom(billId, doc, log.LastSequence, _titles) { SinceCompaction = log.Updates.Count };
            DocumentLog.Loaded(logger, billId, log.Snapshot?.Length ?? 0, log.Updates.Count, log.LastSequence, watch.ElapsedMilliseconds);
            _ = Task.Run(() => CheckStoredTitleAsync(room));
            return room;
        }
        catch (Exception e) when (e is not UnknownBillException)
        {
            DocumentLog.LoadFailed(logger, e, billId);
            throw;
        }
    }

    /// <summary>
    /// Off the load path: when the store's title is not the document's (a write lost to a crash or a failure),
    /// writes it again.
    /// </summary>
    private async Task CheckStoredTitleAsync(DocumentRoom room)
    {
        try
        {
            var bill = await store.GetBillAsync(room.BillId, CancellationToken.None).ConfigureAwait(false);
            if (bill is null) return;
            lock (room.Gate)
            {
                if (room.Title is { } title && title != bill.Title) room.ResendTitle();
            }
        }
#pragma warning disable CA1031 // the next load checks again
        catch (Exception e)
#pragma warning restore CA1031
        {
            DocumentLog.TitleStoreFailed(logger, e, room.BillId);
        }
    }

    /// <summary>Unloads rooms idle for longer than the configured period (compacting them first).</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var idleFor = TimeSpan.FromSeconds(options.Value.IdleUnloadSeconds);
        var now = clock.GetUtcNow();
        var victims = new List<Entry>();
        lock (_gate)
        {
            foreach (var (id, entry) in _rooms)
            {
                if (entry.Users != 0 || !entry.Load.IsCompletedSuccessfully || now - entry.IdleSince < idleFor) continue;
                var room = entry.Load.Result;
                // Closed under its gate with nothing in flight: no update can slip in after the final snapshot.
                lock (room.Gate)
                {
                    if (room.TryClose()) victims.Add(entry);
                }
            }
            foreach (var v in victims) _rooms.Remove(v.Load.Result.BillId);
        }
        foreach (var v in victims)
        {
            var room = v.Load.Result;
            // A background compaction may still be running; the final one must still happen after it.
            for (var attempt = 0;
                 attempt < 500 && !await CompactAsync(room, cancellationToken).ConfigureAwait(false) && Volatile.Read(ref room.Compacting) == 1;
                 attempt++)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
            // Closed: no update changes the title any more; its last change is stored before the room goes.
            await _titles.FlushAsync(room.BillId).ConfigureAwait(false);
            DocumentLog.Unloaded(logger, room.BillId);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(options.Value.IdleUnloadSeconds / 4, 0.05, 5));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        List<Entry> all;
        lock (_gate)
        {
            all = [.. _rooms.Values];
            _rooms.Clear();
        }
        foreach (var entry in all)
        {
            if (entry.Load.IsCompletedSuccessfully) await CompactAsync(entry.Load.Result, cancellationToken).ConfigureAwait(false);
        }
        await _titles.FlushAsync(null).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _titles.Dispose();
        base.Dispose();
    }
}
