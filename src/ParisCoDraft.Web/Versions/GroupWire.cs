using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Web.Versions;

/// <summary>Wire names of stakeholder groups, as in the hub: citizens, elected-officials, civil-servants.</summary>
internal static class GroupWire
{
    public static string Of(StakeholderGroup group) => group switch
    {
        StakeholderGroup.Citizens => "citizens",
        StakeholderGroup.ElectedOfficials => "elected-officials",
        _ => "civil-servants",
    };

    public static StakeholderGroup? Parse(string? wire) => wire switch
    {
        "citizens" => StakeholderGroup.Citizens,
        "elected-officials" => StakeholderGroup.ElectedOfficials,
        "civil-servants" => StakeholderGroup.CivilServants,
        _ => null,
    };
}
