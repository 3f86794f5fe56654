namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>Counts of one group's stances on a clause: current ones by stance, and stale ones apart.</summary>
public sealed record GroupTally(int Agree, int Reservations, int Disagree, int Block, int Stale)
{
    /// <summary>All current stances.</summary>
    public int Current => Agree + Reservations + Disagree + Block;

    /// <summary>Current stances that agree under <paramref name="rule"/>.</summary>
    public int Agreeing(ConsensusRule rule) => Agree + (rule.ReservationsCountAsAgree ? Reservations : 0);

    /// <summary>Adds two tallies.</summary>
    public static GroupTally operator +(GroupTally a, GroupTally b) =>
        new(a.Agree + b.Agree, a.Reservations + b.Reservations, a.Disagree + b.Disagree, a.Block + b.Block, a.Stale + b.Stale);

    /// <summary>No stance at all.</summary>
    public static GroupTally Empty { get; } = new(0, 0, 0, 0, 0);
}
