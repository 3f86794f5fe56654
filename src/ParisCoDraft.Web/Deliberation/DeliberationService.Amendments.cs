using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Protocols;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>Proposes a new wording for a clause, or a new clause (placed after AfterClauseId, or at the end).</summary>
    public Task<AmendmentView> ProposeAmendmentAsync(Member author, NewAmendment input) =>
        ActAsync(author.BillId, async (b, room) =>
        {
            Require(author.Role.CanDeliberate(), "Only participants of the three groups and facilitators propose amendments.");
            var heading = CleanText(input.Heading, MaxHeadingLength, "The heading", required: false).ReplaceLineEndings(" ");
            var body = CleanText(input.Body, MaxBodyLength, "The wording", required: true);
            var rationale = CleanText(input.Rationale, MaxReasonLength, "The rationale", required: false);
            string baseHeading = "", baseBody = "";
            string? after = null;
            if (input.ClauseId is not null)
            {
                var clause = RequireClause(room, input.ClauseId);
                (baseHeading, baseBody) = (clause.Heading, clause.Body);
                if (clause.Heading == heading && clause.Body == body) throw Refuse(DeliberationErrors.InvalidInput, "The proposal is the current wording.");
            }
            else if (input.AfterClauseId is not null)
            {
                after = RequireClause(room, input.AfterClauseId).Id;
            }
            var record = new AmendmentRecord(NewId("am"), author.BillId, input.ClauseId, after, heading, body, rationale.Length == 0 ? null : rationale,
                baseHeading, baseBody, author.ParticipantId, author.Participant.DisplayName, author.Role.ToWire(), Now(), "open");
            await records.SaveAmendmentAsync(record, Audit(author, "amendment.propose",
                new { amendmentId = record.Id, clauseId = record.ClauseId, afterClauseId = after, heading, body, rationale = record.Rationale }),
                CancellationToken.None).ConfigureAwait(false);
            b.Amendments[record.Id] = record;
            return await PublishAmendmentAsync(record).ConfigureAwait(false);
        });

    /// <summary>Sets an amendment aside (a facilitator), with an optional note.</summary>
    public Task<AmendmentView> SetAmendmentAsideAsync(Member facilitator, string amendmentId, string? note) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            Require(facilitator.Role.CanFacilitate(), "Only a facilitator decides on amendments.");
            var a = OpenAmendment(b, amendmentId);
            var why = CleanText(note, MaxReasonLength, "The note", required: false);
            var changed = a with { Status = "set-aside", DecidedBy = facilitator.Participant.DisplayName, DecidedAt = Now(), DecisionNote = why.Length == 0 ? null : why };
            await records.SaveAmendmentAsync(changed, Audit(facilitator, "amendment.set-aside", new { amendmentId, note = changed.DecisionNote }), CancellationToken.None).ConfigureAwait(false);
            b.Amendments[amendmentId] = changed;
            return await PublishAmendmentAsync(changed).ConfigureAwait(false);
        });

    /// <summary>
    /// Adopts an amendment (a facilitator): its text replaces the clause's (or becomes a new clause) as ONE
    /// CRDT update made by the server, through the normal durable path (stored, applied, broadcast).
    /// Locks do not stop it: adopting is the facilitator's decision on the locked text.
    /// </summary>
    public Task<AmendmentView> AdoptAmendmentAsync(Member facilitator, string amendmentId, string? note) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            Require(facilitator.Role.CanFacilitate(), "Only a facilitator decides on amendments.");
            var a = OpenAmendment(b, amendmentId);
            if (b.OpenVote is not null) throw Refuse(DeliberationErrors.Locked, "The text is frozen while the assembly votes on it.");
            var why = CleanText(note, MaxReasonLength, "The note", required: false);
            string? targetClause = a.ClauseId;
            var (update, newClauseId, before) = MakeAdoptionUpdate(room, a);
            targetClause ??= newClauseId;

            // Bind the server-made client id to the facilitator, so no browser can ever write under it.
            var clientId = Y.ReadUpdateInfo(update).Structs.Select(s => s.Client).FirstOrDefault();
            await store.BindClientIdsAsync(facilitator.BillId, facilitator.ParticipantId, [clientId], CancellationToken.None).ConfigureAwait(false);
            var sequence = await AppendServerUpdateAsync(room, update).ConfigureAwait(false);
            DeliberationLog.Adopted(logger, amendmentId, facilitator.BillId, sequence, update.Length);

            var changed = a with
            {
                Status = "adopted", DecidedBy = facilitator.Participant.DisplayName, DecidedAt = Now(),
                DecisionNote = why.Length == 0 ? null : why, AdoptedClauseId = targetClause,
            };
            await records.SaveAmendmentAsync(changed, Audit(facilitator, "amendment.adopt", new
            {
                amendmentId, clauseId = targetClause, newClause = a.ClauseId is null, sequence,
                beforeHeading = before.Heading, beforeBody = before.Body, heading = a.Heading, body = a.Body, note = changed.DecisionNote,
            }), CancellationToken.None).ConfigureAwait(false);
            b.Amendments[amendmentId] = changed;
            return await PublishAmendmentAsync(changed).ConfigureAwait(false);
        });

    private static AmendmentRecord OpenAmendment(BillDeliberation b, string amendmentId)
    {
        var a = b.Amendments.GetValueOrDefault(amendmentId) ?? throw Refuse(DeliberationErrors.UnknownAmendment, "No such amendment.");
        if (a.Status != "open") throw Refuse(DeliberationErrors.Conflict, "This amendment was already decided.");
        return a;
    }

    // The update that makes the clause read as the amendment, made on a copy of the room's document under
    // a fresh client id (the room's doc only ever applies stored updates).
    private static (byte[] Update, string? NewClauseId, (string Heading, string Body) Before) MakeAdoptionUpdate(DocumentRoom room, AmendmentRecord a)
    {
        byte[] state;
        HashSet<long> used;
        lock (room.Gate)
        {
            state = Y.EncodeStateAsUpdate(room.Doc);
            used = [.. room.Doc.StateVector.Keys];
        }
        long clientId;
        do clientId = RandomNumberGenerator.GetInt32(1, int.MaxValue); while (used.Contains(clientId));
        var copy = new Doc(new DocOptions { Gc = false, ClientId = clientId });
        Y.ApplyUpdate(copy, state, "copy");
        byte[]? update = null;
        copy.Updated += (_, e) => update = e.Update;
        string? newId = null;
        (string, string) before = ("", "");
        if (a.ClauseId is not null)
        {
            var current = BillDocument.Read(copy).Clauses.FirstOrDefault(c => c.Id == a.ClauseId)
                          ?? throw Refuse(DeliberationErrors.UnknownClause, "The amended clause is no longer active.");
            before = (current.Heading, current.Body);
            Drafting.Deliberation.ClauseRewrite.Apply(copy, a.ClauseId, a.Heading, a.Body);
        }
        else
        {
            var after = a.AfterClauseId is not null && BillDocument.Read(copy).Clauses.Any(c => c.Id == a.AfterClauseId) ? a.AfterClauseId : null;
            newId = BillDocument.AddClause(copy, new ClauseDraft(a.Heading, a.Body), after);
        }
        return (update ?? throw Refuse(DeliberationErrors.Conflict, "The clause already reads as the amendment."), newId, before);
    }

    /// <summary>The durable path for an update the server makes: append, apply, broadcast (as BillHub does for clients).</summary>
    private async Task<long> AppendServerUpdateAsync(DocumentRoom room, byte[] update)
    {
        InFlightAppend append;
        lock (room.Gate)
        {
            // A fresh client id of the server's own: nothing in flight can bring the same structs.
            append = room.TryBeginAppend([], []) ?? throw Refuse(DeliberationErrors.Conflict, "The document was unloaded; try again.");
        }
        long sequence;
        try
        {
            sequence = await committer.AppendAsync(room.BillId, update).ConfigureAwait(false);
        }
        catch
        {
            lock (room.Gate) room.AbandonAppend(append);
            throw;
        }
        lock (room.Gate) room.ApplyStored(append, update, sequence, "deliberation");
        await hub.Clients.Group(BillHub.GroupName(room.BillId)).SendAsync("Sync", room.BillId, SyncProtocol.EncodeUpdate(update)).ConfigureAwait(false);
        rooms.CompactIfDue(room);
        return sequence;
    }

    private async Task<AmendmentView> PublishAmendmentAsync(AmendmentRecord a)
    {
        var view = AmendmentViewOf(a);
        await BroadcastAsync(a.BillId, "Amendment", view).ConfigureAwait(false);
        return view;
    }
}
