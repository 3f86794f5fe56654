using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// Relays a bill room's stored updates to its connections, several at a time: the updates applied while
/// the previous relay was being written go out together, merged into ONE update, in ONE message to the
/// group. Under load (many people typing, their updates stored by one group commit) each connection gets
/// one message per batch instead of one per keystroke, and the message is serialised once for all of them;
/// alone, an update is relayed at once (no timer, no added delay).
/// Order is kept: updates are queued under the room's gate right after being applied, and one relay runs
/// at a time per room. A batch whose updates all came from one connection skips that connection; a batch
/// from several goes to the whole group, so a sender may get its own update back, which a Yjs client
/// ignores (it holds every struct already).
/// </summary>
internal sealed class UpdateBroadcaster(IHubContext<BillHub> hub, string billId, ILogger logger, HubMetrics metrics)
{
    private readonly Lock _gate = new();
    private List<Queued> _queue = [];
    private List<Queued> _spare = [];
    private bool _relaying;

    private readonly record struct Queued(byte[] Update, string ConnectionId, TaskCompletionSource Relayed);

    /// <summary>
    /// Queues an update already durably stored and applied; the task completes once the batch holding it
    /// was handed to every connection (it never faults: a failed relay is logged, the clients resync).
    /// Call under the room's gate, in the order the updates were applied.
    /// </summary>
    public Task Relay(byte[] update, string fromConnectionId)
    {
        var relayed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add(new Queued(update, fromConnectionId, relayed));
            start = !_relaying;
            _relaying = true;
        }
        if (start) _ = Task.Run(RelayAllAsync);
        return relayed.Task;
    }

    private async Task RelayAllAsync()
    {
        while (true)
        {
            List<Queued> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _relaying = false;
                    return;
                }
                batch = _queue;
                _queue = _spare;
                _spare = batch;
            }
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await SendAsync(batch).ConfigureAwait(false);
                metrics.Broadcast(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
#pragma warning disable CA1031 // a relay failure must not stop the room's later relays; it is logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                RelayLog.RelayFailed(logger, e, billId, batch.Count);
            }
            foreach (var q in batch) q.Relayed.TrySetResult();
            batch.Clear();
        }
    }

    private Task SendAsync(List<Queued> batch)
    {
        var group = BillHub.GroupName(billId);
        string? onlySender = batch[0].ConnectionId;
        byte[] update;
        if (batch.Count == 1)
        {
            update = batch[0].Update;
        }
        else
        {
            var updates = new byte[batch.Count][];
            for (var i = 0; i < batch.Count; i++)
            {
                updates[i] = batch[i].Update;
                if (onlySender is not null && batch[i].ConnectionId != onlySender) onlySender = null;
            }
            update = Y.MergeUpdates(updates);
        }
        var to = onlySender is null ? hub.Clients.Group(group) : hub.Clients.GroupExcept(group, onlySender);
        return to.SendAsync("Sync", billId, SyncProtocol.EncodeUpdate(update));
    }
}
