namespace ParisCoDraft.Drafting.Ideas;

/// <summary>Ideas against articles: which clause carries which idea, and which ideas are not placed yet.</summary>
/// <param name="ClauseIds">The bill's articles, in order (the matrix's columns).</param>
/// <param name="Rows">One row per idea, by idea number.</param>
/// <param name="Unplaced">The ideas not placed yet, by idea number.</param>
public sealed record TraceabilityMatrix(IReadOnlyList<string> ClauseIds, IReadOnlyList<TraceabilityRow> Rows, IReadOnlyList<UnplacedIdea> Unplaced)
{
    /// <summary>Whether article <paramref name="clauseId"/> carries idea <paramref name="ideaNumber"/>.</summary>
    public bool Carries(int ideaNumber, string clauseId) =>
        Rows.Any(r => r.Idea.Number == ideaNumber && r.ClauseIds.Contains(clauseId, StringComparer.Ordinal));

    /// <summary>The ideas article <paramref name="clauseId"/> carries, by number.</summary>
    public IReadOnlyList<int> IdeasIn(string clauseId) =>
        [.. Rows.Where(r => r.ClauseIds.Contains(clauseId, StringComparer.Ordinal)).Select(r => r.Idea.Number)];
}
