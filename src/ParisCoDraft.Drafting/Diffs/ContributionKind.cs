namespace ParisCoDraft.Drafting.Diffs;

/// <summary>How a group changed one text.</summary>
public enum ContributionKind
{
    /// <summary>Wrote a clause that is new in the newer version.</summary>
    AddedClause,

    /// <summary>Both inserted and deleted words.</summary>
    Reworded,

    /// <summary>Only inserted words.</summary>
    Extended,

    /// <summary>Only deleted words.</summary>
    Cut,
}
