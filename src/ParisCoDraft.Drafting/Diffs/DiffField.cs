namespace ParisCoDraft.Drafting.Diffs;

/// <summary>Which text of a bill a diff (or an attribution query) is about.</summary>
public enum DiffField
{
    /// <summary>The bill's title.</summary>
    Title,

    /// <summary>The bill's preamble.</summary>
    Preamble,

    /// <summary>A clause's heading.</summary>
    Heading,

    /// <summary>A clause's body.</summary>
    Body,
}
