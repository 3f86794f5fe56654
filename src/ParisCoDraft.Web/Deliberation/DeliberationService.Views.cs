using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>Everything about the bill's deliberation, with comment ranges resolved against the current text.</summary>
    public Task<DeliberationView> ViewAsync(string billId) =>
        ActAsync(billId, (b, room) => Task.FromResult(FullView(b, room)), changes: false);

    /// <summary>The last <paramref name="limit"/> audit lines, oldest first, for facilitators and clerks.</summary>
    public async Task<IReadOnlyList<AuditView>> AuditAsync(Member reader, int limit, CancellationToken cancellationToken)
    {
        Require(CanReadAudit(reader.Role), "Only facilitators and clerks read the audit log.");
        var lines = await store.ListAuditAsync(reader.BillId, Math.Clamp(limit, 1, 5000), cancellationToken).ConfigureAwait(false);
        var names = (await store.ListParticipantsAsync(reader.BillId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.Ordinal);
        return lines.Select(l => new AuditView(l.Time, l.ParticipantId,
            l.ParticipantId is not null && names.TryGetValue(l.ParticipantId, out var n) ? n : null, l.Role, l.Action,
            ParseDetail(l.DetailJson))).ToList();
    }

    private static JsonElement ParseDetail(string json)
    {
        try
        {
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }
    }

    private DeliberationView FullView(BillDeliberation b, DocumentRoom room)
    {
        BillText bill;
        List<CommentView> comments;
        lock (room.Gate)
        {
            bill = BillDocument.Read(room.Doc);
            comments = [.. b.Comments.Values.OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => CommentViewOf(c, room))];
        }
        var stances = b.Stances.Values.OrderBy(s => s.GivenAt).Select(StanceViewOf).ToList();
        var amendments = b.Amendments.Values.OrderBy(a => a.Created).Select(AmendmentViewOf).ToList();
        var summary = BillConsensus.Summarize(bill, b.Stances.Values.Select(MarkerOf), b.Rule);
        var numbers = bill.Clauses.ToDictionary(c => c.Id, c => c.Number, StringComparer.Ordinal);
        var standing = summary.Clauses.Select(c => new ClauseStandingView(c.ClauseId, numbers[c.ClauseId], c.State.ToWire(),
            TalliesOf(c.Tallies), c.Stale)).ToList();
        return new DeliberationView(SessionViewOf(b), comments, stances, amendments, standing);
    }

    internal static IReadOnlyDictionary<string, TallyView> TalliesOf(IReadOnlyDictionary<StakeholderGroup, GroupTally> tallies) =>
        tallies.ToDictionary(kv => kv.Key.ToWire(), kv => new TallyView(kv.Value.Agree, kv.Value.Reservations, kv.Value.Disagree, kv.Value.Block, kv.Value.Stale));

    internal static ActorView ActorOf(string participantId, string name, string role) =>
        new(participantId, name, role, Roles.TryParse(role, out var r) ? Member.GroupWire(r) : null);

    /// <summary>A comment as shown; its range resolved in the room's document (call under the room's gate).</summary>
    internal static CommentView CommentViewOf(CommentRecord c, DocumentRoom? room)
    {
        AnchorView? anchor = null;
        if (room is not null && c.Field is not null && c.AnchorStart is not null && c.AnchorEnd is not null && c.Deleted is null)
        {
            var resolved = CommentAnchor.Resolve(room.Doc, c.ClauseId, c.Field, c.AnchorStart, c.AnchorEnd);
            if (resolved is not null) anchor = new AnchorView(resolved.From, resolved.To, resolved.Quote, resolved.Deleted);
        }
        var withheld = c.Hidden is not null || c.Deleted is not null;
        return new CommentView(c.Id, c.ClauseId, c.AmendmentId, c.ParentId, ActorOf(c.AuthorId, c.AuthorName, c.AuthorRole),
            withheld ? null : c.Body, c.Created, c.Edited, c.Resolved, c.ResolvedBy, c.Hidden is not null, c.HiddenBy, c.HiddenReason,
            c.Deleted is not null, c.Field, withheld ? null : c.AnchorStart, withheld ? null : c.AnchorEnd, withheld ? null : c.Quote, withheld ? null : anchor);
    }

    internal static StanceView StanceViewOf(StanceRecord s) =>
        new(s.TargetId, s.ParticipantId, s.DisplayName, s.Role, Roles.TryParse(s.Role, out var r) ? Member.GroupWire(r) : null,
            s.Stance, s.Reason, s.TextHash, s.GivenAt);

    internal static StanceMarker MarkerOf(StanceRecord s) =>
        new(s.TargetId, s.ParticipantId, s.DisplayName, Roles.TryParse(s.Role, out var r) ? r.Group() : null,
            DeliberationNames.TryParseStance(s.Stance, out var st) ? st : Stance.Disagree, s.Reason, s.TextHash, s.GivenAt);

    internal static AmendmentView AmendmentViewOf(AmendmentRecord a) =>
        new(a.Id, a.ClauseId, a.AfterClauseId, a.Heading, a.Body, a.Rationale, a.BaseHeading, a.BaseBody,
            ActorOf(a.AuthorId, a.AuthorName, a.AuthorRole), a.Created, a.Status, a.DecidedBy, a.DecidedAt, a.DecisionNote,
            a.AdoptedClauseId, ClauseTextHash.Of(a.Heading, a.Body));

    private static SessionView SessionViewOf(BillDeliberation b)
    {
        var open = b.OpenRound;
        var closedRounds = b.Rounds.Where(r => r.ClosedAt is not null).TakeLast(50).Select(RoundViewOf).ToList();
        var vote = b.OpenVote;
        var last = b.Votes.LastOrDefault(v => v.ClosedAt is not null);
        return new SessionView(ToView(b.Rule), b.ApprovalRule.ToWire(), [.. b.Agenda], b.Focus,
            b.Locks.Values.OrderBy(l => l.LockedAt).Select(l => new LockView(l.ClauseId, l.Reason, l.LockedBy, l.LockedAt)).ToList(),
            open is null ? null : RoundViewOf(open), closedRounds,
            vote is null ? null : VoteViewOf(b, vote), last is null ? null : VoteViewOf(b, last), RoomViewOf(b));
    }

    private static RoundView RoundViewOf(ConsensusRoundRecord r) =>
        new(r.Id, r.ClauseId, r.OpenedBy, r.OpenedAt, r.ClosedAt,
            r.ResultJson is null ? null : JsonSerializer.Deserialize<RoundResultView>(r.ResultJson, Json));

    private static VoteView VoteViewOf(BillDeliberation b, ApprovalVoteRecord v) =>
        new(v.Id, v.OpenedBy, v.OpenedAt, v.TextSha256, v.Rule, v.Eligible,
            (b.Ballots.TryGetValue(v.Id, out var list) ? list : []).Select(x => new BallotView(x.ParticipantId, x.DisplayName, x.Approves, x.CastAt, x.TextSha256)).ToList(),
            v.ClosedAt, v.OutcomeJson is null ? null : JsonSerializer.Deserialize<VoteOutcomeView>(v.OutcomeJson, Json));

    private Task BroadcastSessionAsync(BillDeliberation b) => BroadcastAsync(b.BillId, "Session", SessionViewOf(b));
}
