namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// The bill's rule for calling a clause consensual. Default: no block, and in each of the three groups a
/// strict majority of the current stances agree (with or without reservations), with at least one stance
/// per group.
/// </summary>
/// <param name="BlockPrevents">A current block makes the clause blocked.</param>
/// <param name="AgreeShare">Share of a group's current stances that must agree; met when strictly greater (0.5 = strict majority).</param>
/// <param name="ReservationsCountAsAgree">Whether "agree with reservations" counts as agreeing.</param>
/// <param name="MinStancesPerGroup">Current stances each group must have given.</param>
public sealed record ConsensusRule(
    bool BlockPrevents = true,
    double AgreeShare = 0.5,
    bool ReservationsCountAsAgree = true,
    int MinStancesPerGroup = 1)
{
    /// <summary>The default rule of the Paris workshops.</summary>
    public static ConsensusRule Default { get; } = new();

    /// <summary>Checks the rule's values; returns an error message or null.</summary>
    public string? Validate() =>
        AgreeShare is < 0 or >= 1 ? "AgreeShare must be in [0, 1)."
        : MinStancesPerGroup < 0 ? "MinStancesPerGroup must not be negative."
        : null;
}
