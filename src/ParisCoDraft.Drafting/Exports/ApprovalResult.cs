namespace ParisCoDraft.Drafting.Exports;

/// <summary>Outcome of the approval vote.</summary>
public enum ApprovalResult
{
    /// <summary>The text was approved.</summary>
    Approved,

    /// <summary>The text was rejected.</summary>
    Rejected,
}
