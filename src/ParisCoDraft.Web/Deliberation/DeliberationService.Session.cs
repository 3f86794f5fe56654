using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>Sets the agenda: the clauses to treat, in order, with minutes each. Timers of clauses kept on it carry over.</summary>
    public Task<SessionView> SetAgendaAsync(Member facilitator, IReadOnlyList<AgendaEntry>? items) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            items ??= [];
            if (items.Count > MaxAgendaItems) throw Refuse(DeliberationErrors.InvalidInput, $"At most {MaxAgendaItems} agenda items.");
            var bill = ReadBill(room);
            var active = bill.Clauses.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var agenda = new List<AgendaItemView>();
            foreach (var item in items)
            {
                if (item.ClauseId is null || !active.Contains(item.ClauseId)) throw Refuse(DeliberationErrors.UnknownClause, $"No active clause '{item.ClauseId}'.");
                if (item.Minutes is < 1 or > 240) throw Refuse(DeliberationErrors.InvalidInput, "An agenda item lasts 1 to 240 minutes.");
                if (agenda.Any(a => a.ClauseId == item.ClauseId)) throw Refuse(DeliberationErrors.InvalidInput, "A clause appears once on the agenda.");
                var kept = b.Agenda.FirstOrDefault(a => a.ClauseId == item.ClauseId);
                agenda.Add(kept is null ? new AgendaItemView(item.ClauseId, item.Minutes, "pending", null, null) : kept with { Minutes = item.Minutes });
            }
            b.Agenda = agenda;
            await SaveSettingsAsync(b, Audit(facilitator, "agenda.set", new { items = agenda.Select(a => new { a.ClauseId, a.Minutes }) })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Starts an agenda item's timer (the running one, if any, ends) and brings everyone to its clause.</summary>
    public Task<SessionView> StartAgendaItemAsync(Member facilitator, string? clauseId) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var index = b.Agenda.FindIndex(a => a.ClauseId == clauseId);
            if (index < 0) throw Refuse(DeliberationErrors.UnknownClause, "This clause is not on the agenda.");
            RequireClause(room, clauseId);
            var now = Now();
            b.Agenda = b.Agenda.Select((a, i) =>
                i == index ? a with { Status = "current", StartedAt = now, EndedAt = null }
                : a.Status == "current" ? a with { Status = "done", EndedAt = now }
                : a).ToList();
            b.Focus = clauseId;
            await SaveSettingsAsync(b, Audit(facilitator, "agenda.start", new { clauseId })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Ends the running agenda item.</summary>
    public Task<SessionView> EndAgendaItemAsync(Member facilitator) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var now = Now();
            var current = b.Agenda.FirstOrDefault(a => a.Status == "current") ?? throw Refuse(DeliberationErrors.Conflict, "No agenda item is running.");
            b.Agenda = b.Agenda.Select(a => a.Status == "current" ? a with { Status = "done", EndedAt = now } : a).ToList();
            await SaveSettingsAsync(b, Audit(facilitator, "agenda.end", new { clauseId = current.ClauseId })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Brings every participant's view to one clause (null: releases the focus).</summary>
    public Task<SessionView> SetFocusAsync(Member facilitator, string? clauseId) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (clauseId is not null) RequireClause(room, clauseId);
            b.Focus = clauseId;
            await SaveSettingsAsync(b, Audit(facilitator, "focus.set", new { clauseId })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Locks a clause's text: the update path then refuses every change to its heading and body.</summary>
    public Task<SessionView> LockClauseAsync(Member facilitator, string? clauseId, string? reason) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var clause = RequireClause(room, clauseId);
            var why = CleanText(reason, 300, "The reason for the lock", required: true).ReplaceLineEndings(" ");
            var record = new ClauseLockRecord(facilitator.BillId, clause.Id, why, facilitator.Participant.DisplayName, Now());
            await records.SaveLockAsync(record, Audit(facilitator, "clause.lock", new { clauseId = clause.Id, reason = why, textHash = ClauseTextHash.Of(clause) }),
                CancellationToken.None).ConfigureAwait(false);
            b.SetLocks(new Dictionary<string, ClauseLockRecord>(b.Locks, StringComparer.Ordinal) { [clause.Id] = record });
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Unlocks a clause.</summary>
    public Task<SessionView> UnlockClauseAsync(Member facilitator, string? clauseId) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (clauseId is null || !b.Locks.ContainsKey(clauseId)) throw Refuse(DeliberationErrors.Conflict, "This clause is not locked.");
            await records.DeleteLockAsync(facilitator.BillId, clauseId, Audit(facilitator, "clause.unlock", new { clauseId }), CancellationToken.None).ConfigureAwait(false);
            var locks = new Dictionary<string, ClauseLockRecord>(b.Locks, StringComparer.Ordinal);
            locks.Remove(clauseId);
            b.SetLocks(locks);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Opens a consensus round on a clause (one at a time) and focuses the room on it.</summary>
    public Task<SessionView> OpenRoundAsync(Member facilitator, string? clauseId) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var clause = RequireClause(room, clauseId);
            if (b.OpenRound is { } open) throw Refuse(DeliberationErrors.Conflict, $"A round is already open on clause {open.ClauseId}.");
            var round = new ConsensusRoundRecord(NewId("rd"), facilitator.BillId, clause.Id, facilitator.Participant.DisplayName, Now());
            await records.SaveRoundAsync(round, Audit(facilitator, "round.open", new { roundId = round.Id, clauseId = clause.Id, textHash = ClauseTextHash.Of(clause) }),
                CancellationToken.None).ConfigureAwait(false);
            b.Rounds.Add(round);
            b.Focus = clause.Id;
            await SaveSettingsAsync(b, null).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Closes the open round and records its result: the clause's state, the tallies and who said what, on which text.</summary>
    public Task<SessionView> CloseRoundAsync(Member facilitator) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var round = b.OpenRound ?? throw Refuse(DeliberationErrors.Conflict, "No round is open.");
            var bill = ReadBill(room);
            var clause = bill.Clauses.FirstOrDefault(c => c.Id == round.ClauseId);
            var hash = clause is null ? "" : ClauseTextHash.Of(clause);
            var markers = b.Stances.Values.Where(s => s.TargetId == round.ClauseId).ToList();
            var matrix = ConsensusMatrix.From(markers.Select(MarkerOf), new Dictionary<string, string> { [round.ClauseId] = hash });
            var tallies = TalliesOf(ConsensusMatrix.Groups.ToDictionary(g => g, g => matrix.Tally(g)));
            var state = clause is null ? "withdrawn" : matrix.Evaluate(b.Rule).ToWire();
            var result = new RoundResultView(state, hash, tallies, markers.Where(m => m.TextHash == hash).Select(StanceViewOf).ToList());
            var closed = round with { ClosedBy = facilitator.Participant.DisplayName, ClosedAt = Now(), ResultJson = JsonSerializer.Serialize(result, Json) };
            await records.SaveRoundAsync(closed, Audit(facilitator, "round.close", new { roundId = round.Id, clauseId = round.ClauseId, state, textHash = hash, tallies }),
                CancellationToken.None).ConfigureAwait(false);
            b.Rounds[b.Rounds.IndexOf(round)] = closed;
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Changes the bill's consensus rule.</summary>
    public Task<SessionView> SetConsensusRuleAsync(Member facilitator, ConsensusRuleView? rule) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (rule is null) throw Refuse(DeliberationErrors.InvalidInput, "A rule is required.");
            var r = ToRule(rule);
            if (r.Validate() is { } error) throw Refuse(DeliberationErrors.InvalidInput, error);
            var before = ToView(b.Rule);
            b.Rule = r;
            await SaveSettingsAsync(b, Audit(facilitator, "rule.set", new { before, after = rule })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Changes the rule of the final vote (not while a vote is open).</summary>
    public Task<SessionView> SetApprovalRuleAsync(Member facilitator, string? rule) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (!DeliberationNames.TryParseApprovalRule(rule, out var r)) throw Refuse(DeliberationErrors.InvalidInput, "The rule is unanimity or majority.");
            if (b.OpenVote is not null) throw Refuse(DeliberationErrors.Conflict, "The rule cannot change during the vote.");
            var before = b.ApprovalRule.ToWire();
            b.ApprovalRule = r;
            await SaveSettingsAsync(b, Audit(facilitator, "approval-rule.set", new { before, after = r.ToWire() })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    private static void RequireFacilitator(Member member) => Require(member.Role.CanFacilitate(), "Only a facilitator runs the session.");

    // Settings are written with the action's audit line; a null audit means the action already wrote its own.
    private async Task SaveSettingsAsync(BillDeliberation b, AuditEntry? audit)
    {
        var record = new DeliberationSettingsRecord(b.BillId, JsonSerializer.Serialize(ToView(b.Rule), Json), b.ApprovalRule.ToWire(),
            JsonSerializer.Serialize(b.Agenda, Json), b.Focus, Now());
        await records.SaveSettingsAsync(record, audit ?? new AuditEntry(b.BillId, Now(), null, null, "settings.save", "{}"), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<SessionView> PublishSessionAsync(BillDeliberation b)
    {
        var view = SessionViewOf(b);
        await BroadcastAsync(b.BillId, "Session", view).ConfigureAwait(false);
        return view;
    }
}
