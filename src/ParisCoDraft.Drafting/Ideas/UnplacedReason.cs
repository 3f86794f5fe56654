namespace ParisCoDraft.Drafting.Ideas;

/// <summary>Why an idea is not placed yet.</summary>
public enum UnplacedReason
{
    /// <summary>No disposition was recorded.</summary>
    NoDisposition,

    /// <summary>It is carried in clauses none of which is an article of the bill any more.</summary>
    ClausesNotInBill,

    /// <summary>It was merged with ideas that are themselves unplaced (or unknown, or merged in a circle).</summary>
    MergedWithUnplacedIdea,
}
