using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Protocols;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Web.Hubs;

public sealed partial class BillHub
{
    /// <summary>Largest awareness message accepted.</summary>
    public const int MaxAwarenessBytes = 64 * 1024;

    /// <summary>
    /// How long awareness states are gathered before being relayed in one message. The window opens with the
    /// first state changed after a relay; no timer runs while nobody moves.
    /// </summary>
    public const int AwarenessBatchMilliseconds = 40;

    /// <summary>
    /// One y-protocols awareness update. Entries for client ids this connection did not announce are dropped;
    /// each state's <c>user</c> is replaced by the server's record. Removals (state <c>null</c>) go to the bill's
    /// other connections at once; states are kept as the room's latest and relayed in batches
    /// (<see cref="AwarenessBatchMilliseconds"/>).
    /// </summary>
    public async Task Awareness(string billId, byte[] update)
    {
        var joined = RequireJoined(billId);
        if (update is null || update.Length > MaxAwarenessBytes)
        {
            throw Rejected(HubErrors.MessageMalformed, $"An awareness update is 1 to {MaxAwarenessBytes} bytes.", joined, billId);
        }
        IReadOnlyList<AwarenessEntry> entries;
        try
        {
            entries = AwarenessUpdate.Decode(update);
        }
        catch (UpdateDecodeException e)
        {
            throw Rejected(HubErrors.MessageMalformed, e.Message, joined, billId);
        }

        var user = UserJson(joined);
        var rewritten = new List<AwarenessEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (!joined.HasClientId(entry.ClientId)) continue;
            if (entry.Json == "null")
            {
                rewritten.Add(entry);
                continue;
            }
            var json = Rewrite(entry.Json, user);
            if (json is not null) rewritten.Add(new AwarenessEntry(entry.ClientId, entry.Clock, json));
        }
        if (rewritten.Count == 0) return;

        var removed = new List<AwarenessEntry>();
        var startRelay = false;
        var room = joined.Room;
        lock (room.Gate)
        {
            foreach (var entry in rewritten)
            {
                if (entry.Json == "null")
                {
                    room.Awareness.Remove(entry.ClientId);
                    room.AwarenessDirty.Remove(entry.ClientId);
                    removed.Add(entry);
                }
                else
                {
                    room.Awareness[entry.ClientId] = (entry.Clock, entry.Json);
                    room.AwarenessDirty.Add(entry.ClientId);
                    room.AwarenessSenders.Add(Context.ConnectionId);
                    if (!room.AwarenessFlushScheduled)
                    {
                        room.AwarenessFlushScheduled = true;
                        startRelay = true;
                    }
                }
            }
        }
        if (startRelay)
        {
            // The batch outlives this invocation, so it sends through the hub context, not this hub instance.
            _ = RelayAwarenessBatchAsync(hubContext, presence, TimeProvider.System, logger, billId, room);
        }
        if (removed.Count > 0)
        {
            presence.Publish(room, removed);
            await Clients.OthersInGroup(GroupName(billId)).SendAsync("Awareness", billId, AwarenessUpdate.Encode(removed)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the batch window, relays the latest state of every client id changed since the last batch in ONE
    /// message to the bill's group (minus the sender when a single connection changed them all), and shares it
    /// with the other server processes (<see cref="Documents.IPresenceFanout"/>). A sender that
    /// gets its own entries back ignores them: y-protocols (and <see cref="ParisCoDraft.Crdt.Protocols.Awareness"/>)
    /// only take a state whose clock is above the one they hold. Built under the room's gate, sent off it.
    /// </summary>
    private static async Task RelayAwarenessBatchAsync(IHubContext<BillHub> hub, Documents.IPresenceFanout presence, TimeProvider time, ILogger logger, string billId, Documents.DocumentRoom room)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(AwarenessBatchMilliseconds), time).ConfigureAwait(false);
            var batch = new List<AwarenessEntry>();
            string? onlySender;
            lock (room.Gate)
            {
                room.AwarenessFlushScheduled = false;
                // An unloaded room has nobody left to tell.
                if (!room.Closed)
                {
                    foreach (var id in room.AwarenessDirty)
                    {
                        if (room.Awareness.TryGetValue(id, out var latest)) batch.Add(new AwarenessEntry(id, latest.Clock, latest.Json));
                    }
                }
                onlySender = room.AwarenessSenders.Count == 1 ? room.AwarenessSenders.First() : null;
                room.AwarenessDirty.Clear();
                room.AwarenessSenders.Clear();
            }
            if (batch.Count == 0) return;
            presence.Publish(room, batch);
            var group = GroupName(billId);
            var to = onlySender is null ? hub.Clients.Group(group) : hub.Clients.GroupExcept(group, onlySender);
            await to.SendAsync("Awareness", billId, AwarenessUpdate.Encode(batch)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a relay runs on its own; a failure is logged and the next state goes in the next batch
        catch (Exception e)
#pragma warning restore CA1031
        {
            AwarenessRelayFailed(logger, e, billId);
        }
    }

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Could not relay an awareness batch of bill {BillId}")]
    private static partial void AwarenessRelayFailed(ILogger logger, Exception exception, string billId);

    /// <summary>Sends a joiner the states of everyone already there.</summary>
    private async Task SendKnownAwarenessAsync(string billId, Documents.DocumentRoom room)
    {
        List<AwarenessEntry> known;
        lock (room.Gate)
        {
            known = [.. room.Awareness.Select(kv => new AwarenessEntry(kv.Key, kv.Value.Clock, kv.Value.Json))];
        }
        if (known.Count > 0)
        {
            await Clients.Caller.SendAsync("Awareness", billId, AwarenessUpdate.Encode(known)).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the others that a leaving connection's cursors are gone.</summary>
    private async Task BroadcastAwarenessRemovalAsync(string billId, JoinedBill joined)
    {
        var removed = new List<AwarenessEntry>();
        var room = joined.Room;
        lock (room.Gate)
        {
            foreach (var id in joined.ClientIds())
            {
                room.AwarenessDirty.Remove(id);
                if (room.Awareness.Remove(id, out var last)) removed.Add(new AwarenessEntry(id, last.Clock + 1, "null"));
            }
        }
        if (removed.Count == 0) return;
        presence.Publish(room, removed);
        try
        {
            await Clients.OthersInGroup(GroupName(billId)).SendAsync("Awareness", billId, AwarenessUpdate.Encode(removed)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static JsonObject UserJson(JoinedBill joined) => new()
    {
        ["name"] = joined.Member.Participant.DisplayName,
        ["role"] = joined.Member.Role.ToWire(),
        ["group"] = joined.Member.Group,
        ["color"] = joined.Member.Color,
    };

    private static string? Rewrite(string json, JsonObject user)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject state) return null;
            state["user"] = user.DeepClone();
            return state.ToJsonString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
