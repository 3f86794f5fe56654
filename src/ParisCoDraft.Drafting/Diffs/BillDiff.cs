namespace ParisCoDraft.Drafting.Diffs;

/// <summary>Two versions of a bill compared.</summary>
/// <param name="Title">Title diff.</param>
/// <param name="Preamble">Preamble diff.</param>
/// <param name="Clauses">
/// Every clause that is an article in either version: the newer articles in order, each clause that left
/// the bill placed after the clause that preceded it in the older version.
/// </param>
/// <param name="OlderSha256">SHA-256 of the older text.</param>
/// <param name="NewerSha256">SHA-256 of the newer text.</param>
public sealed record BillDiff(TextDiff Title, TextDiff Preamble, IReadOnlyList<ClauseDiff> Clauses, string OlderSha256, string NewerSha256)
{
    /// <summary>Whether anything differs.</summary>
    public bool HasChanges => Title.HasChanges || Preamble.HasChanges || Clauses.Any(c => c.Changes != ClauseChanges.Unchanged);

    /// <summary>The clause diff for <paramref name="clauseId"/>, or null.</summary>
    public ClauseDiff? For(string clauseId) => Clauses.FirstOrDefault(c => c.ClauseId == clauseId);
}
