namespace ParisCoDraft.Drafting.Bills;

/// <summary>What each <see cref="Role"/> may do, and its wire name.</summary>
public static class Roles
{
    /// <summary>The stakeholder group of a role, or null for facilitators, clerks and observers.</summary>
    public static StakeholderGroup? Group(this Role role) => role switch
    {
        Role.Citizen => StakeholderGroup.Citizens,
        Role.Elected => StakeholderGroup.ElectedOfficials,
        Role.CivilServant => StakeholderGroup.CivilServants,
        _ => null,
    };

    /// <summary>Whether the role may change the bill's text.</summary>
    public static bool CanEditText(this Role role) =>
        role is Role.Citizen or Role.Elected or Role.CivilServant or Role.Facilitator;

    /// <summary>Whether the role may comment and give a stance.</summary>
    public static bool CanDeliberate(this Role role) =>
        role is Role.Citizen or Role.Elected or Role.CivilServant or Role.Facilitator;

    /// <summary>Whether the role runs the workshop (agenda, focus, lock, rounds, adoption).</summary>
    public static bool CanFacilitate(this Role role) => role == Role.Facilitator;

    /// <summary>The wire name: citizen, elected, civil-servant, facilitator, clerk, observer.</summary>
    public static string ToWire(this Role role) => role switch
    {
        Role.Citizen => "citizen",
        Role.Elected => "elected",
        Role.CivilServant => "civil-servant",
        Role.Facilitator => "facilitator",
        Role.Clerk => "clerk",
        Role.Observer => "observer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Parses a wire name; false for anything else.</summary>
    public static bool TryParse(string? wire, out Role role)
    {
        foreach (var r in Enum.GetValues<Role>())
        {
            if (r.ToWire() == wire)
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }
}
