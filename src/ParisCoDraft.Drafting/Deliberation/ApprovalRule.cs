namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>How the final vote of the assembly on the whole bill is decided (a bill setting).</summary>
public enum ApprovalRule
{
    /// <summary>Every ballot cast approves (the Paris bill's rule).</summary>
    Unanimity,

    /// <summary>More than half of the ballots cast approve.</summary>
    Majority,
}
