namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What happened to a clause between two versions; several can hold at once (moved and reworded).</summary>
[Flags]
public enum ClauseChanges
{
    /// <summary>Same place, same number, same heading and text.</summary>
    Unchanged = 0,

    /// <summary>New in the newer version (or reinstated after a withdrawal).</summary>
    Added = 1,

    /// <summary>Withdrawn in the newer version (and not merged).</summary>
    Withdrawn = 2,

    /// <summary>Its place relative to the other clauses changed (not merely because a clause was added or removed around it).</summary>
    Moved = 4,

    /// <summary>Its article number changed.</summary>
    Renumbered = 8,

    /// <summary>Merged into another clause (<see cref="ClauseDiff.MergedInto"/>).</summary>
    Merged = 16,

    /// <summary>New clause split from another (<see cref="ClauseDiff.SplitFrom"/>).</summary>
    Split = 32,

    /// <summary>Its heading changed.</summary>
    HeadingChanged = 64,

    /// <summary>Its body changed.</summary>
    TextChanged = 128,
}
