namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What happened to a run of text between two versions.</summary>
public enum DiffRunKind
{
    /// <summary>Present in both versions.</summary>
    Equal,

    /// <summary>Only in the newer version.</summary>
    Inserted,

    /// <summary>Only in the older version.</summary>
    Deleted,
}
