using System.Globalization;
using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Drafting.Exports;
using ParisCoDraft.Drafting.Ideas;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Ideas;

namespace ParisCoDraft.Web.Exports;

/// <summary>
/// Fills an export's annex from what the store holds: the consensus record of each exported article (only
/// stances given on that exact clause text), the last closed approval vote, the idea traceability against
/// the exported text, the workshops held, and the follow-up commitments.
/// </summary>
internal static class ExportAnnexBuilder
{
    public static async Task<ExportAnnex> BuildAsync(IDraftingStore store, string billId, BillText text, ExportLabels labels, CancellationToken ct)
    {
        var versions = (IVersionStore)store;
        var workshops = await versions.ListWorkshopsAsync(billId, ct).ConfigureAwait(false);
        var ideas = await versions.ListIdeasAsync(billId, ct).ConfigureAwait(false);
        var commitments = await versions.ListCommitmentsAsync(billId, ct).ConfigureAwait(false);
        var annex = new ExportAnnex
        {
            Workshops = [.. workshops.Where(w => w.State != "planned").Select(w => new WorkshopRecord(
                w.Name, DateOnly.ParseExact(w.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), labels.WorkshopPlace(w.Place, w.Mode)))],
            Ideas = ideas.Count == 0 ? [] : labels.TraceRows(IdeaBook.Matrix(text, ideas)),
            Commitments = [.. commitments.Select(c => new FollowUpCommitment(c.ClauseId, c.Department, c.Action,
                DateOnly.ParseExact(c.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), c.Status))],
        };
        if (store is IDeliberationStore deliberation)
        {
            var records = await deliberation.LoadDeliberationAsync(billId, ct).ConfigureAwait(false);
            annex = annex with { Consensus = Consensus(text, records.Stances), Approval = Approval(records, labels) };
        }
        return annex;
    }

    private static IReadOnlyList<ClauseConsensus> Consensus(BillText text, IReadOnlyList<StanceRecord> stances)
    {
        var result = new List<ClauseConsensus>();
        foreach (var clause in text.Clauses)
        {
            var hash = ClauseTextHash.Of(clause);
            var onThisText = stances.Where(s => s.TargetId == clause.Id && s.TextHash == hash).ToList();
            if (onThisText.Count == 0) continue;
            var byGroup = new Dictionary<StakeholderGroup, ConsensusCounts>();
            foreach (var group in onThisText.GroupBy(s => Roles.TryParse(s.Role, out var r) ? r.Group() : null))
            {
                if (group.Key is not { } g) continue;
                byGroup[g] = new ConsensusCounts(
                    group.Count(s => Kind(s.Stance) == Stance.Agree),
                    group.Count(s => Kind(s.Stance) == Stance.AgreeWithReservations),
                    group.Count(s => Kind(s.Stance) == Stance.Disagree),
                    group.Count(s => Kind(s.Stance) == Stance.Block));
            }
            var all = onThisText.Select(s => Kind(s.Stance)).ToList();
            var state = all.Contains(Stance.Block) ? ClauseConsensusState.Blocked
                : all.Contains(Stance.Disagree) ? ClauseConsensusState.NoConsensus
                : all.Contains(Stance.AgreeWithReservations) ? ClauseConsensusState.ConsensusWithReservations
                : ClauseConsensusState.Consensus;
            result.Add(new ClauseConsensus(clause.Id, byGroup, state));
        }
        return result;
    }

    // Stance wire names as the deliberation module writes them ("agree", "agree-with-reservations", …).
    private static Stance Kind(string wire)
    {
        var w = wire.ToLowerInvariant();
        if (w.Contains("block", StringComparison.Ordinal)) return Stance.Block;
        if (w.Contains("reserv", StringComparison.Ordinal)) return Stance.AgreeWithReservations;
        if (w.Contains("disagree", StringComparison.Ordinal)) return Stance.Disagree;
        return Stance.Agree;
    }

    private static ApprovalVote? Approval(DeliberationRecords records, ExportLabels labels)
    {
        var vote = records.Votes.Where(v => v.ClosedAt is not null).MaxBy(v => v.ClosedAt);
        if (vote is null) return null;
        var ballots = records.Ballots.Where(b => b.VoteId == vote.Id).ToList();
        var approved = Approved(vote.OutcomeJson) ?? ballots.Count(b => b.Approves) * 2 > ballots.Count;
        var who = labels.ApprovalVoters(ballots.Count(b => b.Approves), ballots.Count(b => !b.Approves), vote.Eligible);
        return new ApprovalVote(who, vote.ClosedAt!.Value, approved ? ApprovalResult.Approved : ApprovalResult.Rejected, vote.TextSha256);
    }

    private static bool? Approved(string? outcomeJson)
    {
        if (string.IsNullOrEmpty(outcomeJson)) return null;
        try
        {
            using var json = JsonDocument.Parse(outcomeJson);
            foreach (var p in json.RootElement.EnumerateObject())
            {
                if (p.Name.Equals("approved", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return p.Value.GetBoolean();
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
