namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>Where a clause stands, by the bill's <see cref="ConsensusRule"/>.</summary>
public enum ConsensusState
{
    /// <summary>No current stance yet.</summary>
    NotAssessed,

    /// <summary>The rule is met.</summary>
    Consensus,

    /// <summary>Not met, but no block and most of the way there.</summary>
    Close,

    /// <summary>Not met and far from it.</summary>
    Contested,

    /// <summary>At least one current block (when the rule counts blocks).</summary>
    Blocked,
}
