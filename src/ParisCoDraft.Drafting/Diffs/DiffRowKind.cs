namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What a side-by-side row shows.</summary>
public enum DiffRowKind
{
    /// <summary>The same text on both sides.</summary>
    Unchanged,

    /// <summary>Text on both sides, with changes.</summary>
    Modified,

    /// <summary>Only the newer side has text.</summary>
    Inserted,

    /// <summary>Only the older side has text.</summary>
    Deleted,
}
