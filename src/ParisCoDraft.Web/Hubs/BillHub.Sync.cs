using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Protocols;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Hubs;

public sealed partial class BillHub
{
    /// <summary>
    /// One y-protocols sync message. Step 1 returns step 2 (and sends the server's own step 1 through the
    /// <c>Sync</c> callback); step 2 and update return null once the update is durable, applied and broadcast.
    /// </summary>
    public async Task<byte[]?> Sync(string billId, byte[] message)
    {
        var joined = RequireJoined(billId);
        if (message is null || message.Length == 0) throw HubErrors.Reject(HubErrors.MessageMalformed, "Empty sync message.");
        if (message.Length > MaxUpdateBytes + 16) throw HubErrors.Reject(HubErrors.UpdateTooLarge, $"An update is at most {MaxUpdateBytes} bytes.");

        SyncMessage sync;
        try
        {
            sync = SyncProtocol.Read(message);
        }
        catch (UpdateDecodeException e)
        {
            throw HubErrors.Reject(HubErrors.MessageMalformed, e.Message);
        }

        return sync.Type switch
        {
            SyncProtocol.MessageYjsSyncStep1 => await AnswerStep1Async(billId, joined, sync.Payload).ConfigureAwait(false),
            SyncProtocol.MessageYjsSyncStep2 or SyncProtocol.MessageYjsUpdate =>
                await ReceiveUpdateAsync(billId, joined, sync.Payload).ConfigureAwait(false),
            _ => throw HubErrors.Reject(HubErrors.MessageMalformed, "Unknown sync message type."),
        };
    }

    private async Task<byte[]> AnswerStep1Async(string billId, JoinedBill joined, byte[] clientVector)
    {
        try
        {
            Y.DecodeStateVector(clientVector);
        }
        catch (UpdateDecodeException e)
        {
            throw HubErrors.Reject(HubErrors.MessageMalformed, "Bad state vector: " + e.Message);
        }
        byte[] step2;
        byte[] step1;
        var room = joined.Room;
        lock (room.Gate)
        {
            step2 = SyncProtocol.EncodeSyncStep2(Y.EncodeStateAsUpdate(room.Doc, clientVector));
            step1 = SyncProtocol.EncodeSyncStep1(Y.EncodeStateVector(room.Doc));
        }
        await Clients.Caller.SendAsync("Sync", billId, step1, Context.ConnectionAborted).ConfigureAwait(false);
        return step2;
    }

    private async Task<byte[]?> ReceiveUpdateAsync(string billId, JoinedBill joined, byte[] update)
    {
        var member = joined.Member;
        if (update.Length > MaxUpdateBytes)
        {
            throw Rejected(HubErrors.UpdateTooLarge, $"An update is at most {MaxUpdateBytes} bytes.", joined, billId);
        }
        UpdateInfo info;
        try
        {
            info = Y.ReadUpdateInfo(update);
        }
        catch (UpdateDecodeException e)
        {
            throw Rejected(HubErrors.UpdateMalformed, e.Message, joined, billId);
        }

        var room = joined.Room;
        // Deliberation (issue 4): locked clauses and the vote's freeze, checked below under the gate.
        var billDeliberation = await deliberation.GetAsync(billId).ConfigureAwait(false);
        Versions.UpdateAuthor? author = null;
        InFlightAppend? append = null;
        while (append is null)
        {
            Task? earlier;
            lock (room.Gate)
            {
                var known = room.Doc.StateVector;
                var anyNewStruct = false;
                IReadOnlyList<(long Client, long Clock, int Length)>? pending = null;
                foreach (var s in info.Structs)
                {
                    if (s.Kind == StructKind.Skip) continue;
                    var have = known.TryGetValue(s.Client, out var clock) ? clock : 0;
                    if (s.Clock + s.Length <= have) continue;
                    // Structs the doc already holds but cannot integrate yet (an edit stored after one of the same
                    // client that was refused) are known too: a step 2 relays them like any other's content.
                    // Without this, everybody who received such an edit was refused `foreign-client` on resync.
                    pending ??= room.Doc.HasPending ? room.Doc.PendingStructRanges : [];
                    if (PendingCovers(pending, s.Client, Math.Max(s.Clock, have), s.Clock + s.Length)) continue;
                    anyNewStruct = true;
                    if (member.CanEdit && !joined.HasClientId(s.Client))
                    {
                        throw Rejected(HubErrors.ForeignClient,
                            $"Client id {s.Client} is not one this connection announced at Join.", joined, billId);
                    }
                }
                if (!member.CanEdit && anyNewStruct)
                {
                    throw Rejected(HubErrors.ReadOnly, $"A {member.Role} reads the text but does not change it.", joined, billId);
                }
                // A step 2 carries the sender's whole delete set every time, and a client whose acknowledgement
                // was lost resends what the server already holds: only deletions of text the server still shows
                // (or does not have yet) are new. Storing the rest again would add a log entry per reconnect.
                var deleted = member.CanEdit && !info.DeleteSet.IsEmpty
                    ? Drafting.Attribution.NewDeletions.In(room.Doc, info.DeleteSet)
                    : [];
                if (!anyNewStruct && deleted.Count == 0)
                {
                    // Nothing new (a read-only client's step 2 after a sync, a resent update, an empty update): nothing to store.
                    return null;
                }
                // The same structs or deletions may be on their way to the store already (the update this client
                // resends, whose first sending is still being written): wait for it, then look again.
                earlier = room.AppendBringingAnyOf(info.Structs, deleted);
                if (earlier is null)
                {
                    // Deliberation (issue 4): which clauses the update changes is decoded from it, against our doc.
                    if (billDeliberation.RefusalFor(room.Doc, info, known) is { } refusal)
                    {
                        throw Rejected(Deliberation.DeliberationErrors.Locked, refusal, joined, billId);
                    }
                    // Who deleted what, for attributed diffs.
                    if (deleted.Count > 0) author = new Versions.UpdateAuthor(member.ParticipantId, deleted);
                    append = room.TryBeginAppend(info.Structs, deleted)
                             ?? throw HubErrors.Reject(HubErrors.NotJoined, "This connection's document was unloaded; join again.");
                }
            }
            if (earlier is not null) await earlier.ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        long sequence;
        try
        {
            sequence = await committer.AppendAsync(billId, update, author).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (room.Gate) room.AbandonAppend(append);
            // The write failed (disk full, read-only file, database restarting): the update is not acknowledged.
            // A clear code lets the client keep the edit and send it again once the store is back (if the write did
            // reach the store after all, e.g. a lost commit answer, the resend is logged twice: harmless, Yjs applies it once).
            throw Rejected(HubErrors.StoreUnavailable, "The server could not store this update; keep it and send it again later. (" + e.GetType().Name + ")", joined, billId);
        }
        lock (room.Gate) room.ApplyStored(append, update, sequence, Context.ConnectionId);
        HubLog.Stored(logger, sequence, update.Length, billId, Ms(started));

        await Clients.OthersInGroup(GroupName(billId)).SendAsync("Sync", billId, SyncProtocol.EncodeUpdate(update)).ConfigureAwait(false);
        rooms.CompactIfDue(room);
        return null;
    }

    /// <summary>True when the doc's pending structs of <paramref name="client"/> cover the clocks [from, to).</summary>
    private static bool PendingCovers(IReadOnlyList<(long Client, long Clock, int Length)> pending, long client, long from, long to)
    {
        if (pending.Count == 0) return false;
        var covered = from;
        var progressed = true;
        while (covered < to && progressed)
        {
            progressed = false;
            foreach (var (c, clock, length) in pending)
            {
                if (c != client || clock > covered || clock + length <= covered) continue;
                covered = clock + length;
                progressed = true;
            }
        }
        return covered >= to;
    }

    private HubException Rejected(string code, string detail, JoinedBill joined, string billId)
    {
        HubLog.Rejected(logger, code, joined.Member.ParticipantId, billId, detail);
        return HubErrors.Reject(code, detail);
    }
}
