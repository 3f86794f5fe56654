namespace ParisCoDraft.Web.Tests.Security;

/// <summary>Who knocks: each role of the bill, then three outsiders.</summary>
[Flags]
public enum Caller
{
    /// <summary>Nobody.</summary>
    None = 0,
    /// <summary>The bill's facilitator.</summary>
    Facilitator = 1,
    /// <summary>A citizen.</summary>
    Citizen = 2,
    /// <summary>An elected official.</summary>
    Elected = 4,
    /// <summary>A civil servant.</summary>
    CivilServant = 8,
    /// <summary>A clerk.</summary>
    Clerk = 16,
    /// <summary>An observer.</summary>
    Observer = 32,
    /// <summary>A browser without any session.</summary>
    NoSession = 64,
    /// <summary>The facilitator of another bill.</summary>
    OtherBill = 128,
    /// <summary>A citizen whose invite link was revoked.</summary>
    Revoked = 256,

    /// <summary>Every role of the bill.</summary>
    Members = Facilitator | Citizen | Elected | CivilServant | Clerk | Observer,
    /// <summary>The roles that change the text and deliberate.</summary>
    Deliberators = Facilitator | Citizen | Elected | CivilServant,
    /// <summary>Facilitators and clerks.</summary>
    Clerks = Facilitator | Clerk,
    /// <summary>Everyone who is not a member.</summary>
    Outsiders = NoSession | OtherBill | Revoked,
}
