using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>
    /// Sets (or changes, or confirms) one's stance on a clause or an amendment, recorded with the hash of the
    /// server's current text of the target.
    /// </summary>
    public Task<StanceView> SetStanceAsync(Member member, NewStance input) =>
        ActAsync(member.BillId, async (b, room) =>
        {
            Require(member.Role.CanDeliberate(), "Only participants of the three groups and facilitators give a stance.");
            if (!DeliberationNames.TryParseStance(input.Stance, out var stance))
            {
                throw Refuse(DeliberationErrors.InvalidInput, "The stance is agree, reservations, disagree or block.");
            }
            var reason = CleanText(input.Reason, MaxReasonLength, "The reason", required: false);
            if (StanceMarker.Validate(stance, reason) is { } error) throw Refuse(DeliberationErrors.InvalidInput, error);
            var (targetId, hash) = TargetText(b, room, input.TargetId);
            var record = new StanceRecord(member.BillId, targetId, member.ParticipantId, member.Participant.DisplayName, member.Role.ToWire(),
                stance.ToWire(), reason.Length == 0 ? null : reason, hash, Now());
            var previous = b.Stances.GetValueOrDefault((targetId, member.ParticipantId));
            var action = previous is null ? "stance.set" : previous.Stance == record.Stance && previous.Reason == record.Reason ? "stance.confirm" : "stance.change";
            await records.SaveStanceAsync(record, Audit(member, action,
                new { targetId, stance = record.Stance, reason = record.Reason, textHash = hash, before = previous?.Stance, round = b.OpenRound?.Id }),
                CancellationToken.None).ConfigureAwait(false);
            b.Stances[(targetId, member.ParticipantId)] = record;
            var view = StanceViewOf(record);
            await BroadcastAsync(member.BillId, "Stance", new StanceChange(targetId, member.ParticipantId, view)).ConfigureAwait(false);
            return view;
        });

    /// <summary>Withdraws one's stance on a target; false when there was none.</summary>
    public Task<bool> WithdrawStanceAsync(Member member, string? targetId) =>
        ActAsync(member.BillId, async (b, room) =>
        {
            if (string.IsNullOrEmpty(targetId)) throw Refuse(DeliberationErrors.InvalidInput, "A target id is required.");
            if (!b.Stances.TryGetValue((targetId, member.ParticipantId), out var previous)) return false;
            await records.DeleteStanceAsync(member.BillId, targetId, member.ParticipantId,
                Audit(member, "stance.withdraw", new { targetId, before = previous.Stance }), CancellationToken.None).ConfigureAwait(false);
            b.Stances.Remove((targetId, member.ParticipantId));
            await BroadcastAsync(member.BillId, "Stance", new StanceChange(targetId, member.ParticipantId, null)).ConfigureAwait(false);
            return true;
        });

    // The target's id and the hash of its current text: a clause (heading + body now) or an open amendment.
    private static (string TargetId, string Hash) TargetText(BillDeliberation b, DocumentRoom room, string? targetId)
    {
        if (targetId is not null && b.Amendments.TryGetValue(targetId, out var a))
        {
            if (a.Status != "open") throw Refuse(DeliberationErrors.Conflict, "This amendment is no longer open.");
            return (a.Id, ClauseTextHash.Of(a.Heading, a.Body));
        }
        var clause = RequireClause(room, targetId);
        return (clause.Id, ClauseTextHash.Of(clause));
    }
}
