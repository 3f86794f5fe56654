namespace ParisCoDraft.Drafting.Bills;

/// <summary>What a participant is in a bill; invite links are issued per role.</summary>
public enum Role
{
    /// <summary>A member of the Citizens' Assembly.</summary>
    Citizen,

    /// <summary>An elected official.</summary>
    Elected,

    /// <summary>A civil servant.</summary>
    CivilServant,

    /// <summary>Runs the workshop: agenda, focus, locks, rounds, adoption.</summary>
    Facilitator,

    /// <summary>Reads and exports the text for the council.</summary>
    Clerk,

    /// <summary>Reads only.</summary>
    Observer,
}
