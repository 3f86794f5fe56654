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
    /// One y-protocols awareness update. Entries for client ids this connection did not announce are dropped;
    /// each state's <c>user</c> is replaced by the server's record; the rest goes to the bill's other connections.
    /// </summary>
    public async Task Awareness(string billId, byte[] update)
    {
        var joined = RequireJoined(billId);
        if (update is null || update.Length > MaxAwarenessBytes)
        {
            throw HubErrors.Reject(HubErrors.MessageMalformed, $"An awareness update is 1 to {MaxAwarenessBytes} bytes.");
        }
        IReadOnlyList<AwarenessEntry> entries;
        try
        {
            entries = AwarenessUpdate.Decode(update);
        }
        catch (UpdateDecodeException e)
        {
            throw HubErrors.Reject(HubErrors.MessageMalformed, e.Message);
        }

        var user = UserJson(joined);
        var relayed = new List<AwarenessEntry>(entries.Count);
        var room = joined.Room;
        lock (room.Gate)
        {
            foreach (var entry in entries)
            {
                if (!joined.HasClientId(entry.ClientId)) continue;
                string json;
                if (entry.Json == "null")
                {
                    json = "null";
                    room.Awareness.Remove(entry.ClientId);
                }
                else
                {
                    json = Rewrite(entry.Json, user) ?? "";
                    if (json.Length == 0) continue;
                    room.Awareness[entry.ClientId] = (entry.Clock, json);
                }
                relayed.Add(new AwarenessEntry(entry.ClientId, entry.Clock, json));
            }
        }
        if (relayed.Count == 0) return;
        await Clients.OthersInGroup(GroupName(billId)).SendAsync("Awareness", billId, AwarenessUpdate.Encode(relayed)).ConfigureAwait(false);
    }

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
                if (room.Awareness.Remove(id, out var last)) removed.Add(new AwarenessEntry(id, last.Clock + 1, "null"));
            }
        }
        if (removed.Count == 0) return;
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
