namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>A participant's position on a clause, on the four-step scale of the workshops.</summary>
public enum Stance
{
    /// <summary>Agrees.</summary>
    Agree,

    /// <summary>Agrees with reservations (a reason is required).</summary>
    AgreeWithReservations,

    /// <summary>Disagrees.</summary>
    Disagree,

    /// <summary>Blocks: cannot live with this clause (a reason is required).</summary>
    Block,
}
