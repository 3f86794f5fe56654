namespace ParisCoDraft.Drafting.Ideas;

/// <summary>The idea is carried by these clauses (at least one).</summary>
public sealed record CarriedInClauses : IdeaDisposition
{
    /// <summary>Creates the disposition; <paramref name="clauseIds"/> must not be empty.</summary>
    public CarriedInClauses(params IReadOnlyList<string> clauseIds)
    {
        if (clauseIds.Count == 0) throw new ArgumentException("An idea carried in clauses needs at least one clause.", nameof(clauseIds));
        ClauseIds = clauseIds;
    }

    /// <summary>The clauses carrying the idea.</summary>
    public IReadOnlyList<string> ClauseIds { get; }
}
