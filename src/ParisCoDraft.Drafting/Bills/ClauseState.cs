namespace ParisCoDraft.Drafting.Bills;

/// <summary>Whether a clause is part of the bill or was withdrawn (its text is kept for history).</summary>
public enum ClauseState
{
    /// <summary>Part of the bill, numbered.</summary>
    Active,

    /// <summary>Withdrawn (or merged into another clause); not numbered.</summary>
    Withdrawn,
}
