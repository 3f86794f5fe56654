using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>The whole bill's matrix: each active clause's state and tallies, and the groups' totals.</summary>
public sealed record BillConsensus(IReadOnlyList<ClauseConsensusSummary> Clauses, IReadOnlyDictionary<StakeholderGroup, GroupTally> Totals)
{
    /// <summary>Summarizes every active clause of <paramref name="bill"/> under <paramref name="rule"/>.</summary>
    /// <param name="bill">The bill's current text (its clauses give the current text hashes).</param>
    /// <param name="markers">Each participant's latest marker per clause (markers on other targets are ignored).</param>
    /// <param name="rule">The bill's consensus rule.</param>
    public static BillConsensus Summarize(BillText bill, IEnumerable<StanceMarker> markers, ConsensusRule rule)
    {
        var hashes = bill.Clauses.ToDictionary(c => c.Id, ClauseTextHash.Of, StringComparer.Ordinal);
        var byClause = markers.Where(m => hashes.ContainsKey(m.ClauseId)).ToLookup(m => m.ClauseId, StringComparer.Ordinal);
        var totals = ConsensusMatrix.Groups.ToDictionary(g => g, _ => GroupTally.Empty);
        var list = new List<ClauseConsensusSummary>(bill.Clauses.Count);
        foreach (var clause in bill.Clauses)
        {
            var matrix = ConsensusMatrix.From(byClause[clause.Id], hashes);
            var tallies = ConsensusMatrix.Groups.ToDictionary(g => g, g => matrix.Tally(g));
            foreach (var g in ConsensusMatrix.Groups) totals[g] += tallies[g];
            list.Add(new ClauseConsensusSummary(clause.Id, matrix.Evaluate(rule), tallies, matrix.Stale.Count));
        }
        return new BillConsensus(list, totals);
    }

    /// <summary>How many clauses are in each state.</summary>
    public IReadOnlyDictionary<ConsensusState, int> CountByState() =>
        Enum.GetValues<ConsensusState>().ToDictionary(s => s, s => Clauses.Count(c => c.State == s));
}
