using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>Reads a group name as people write it, in French or English.</summary>
public static class StakeholderGroupNames
{
    private static readonly Dictionary<string, StakeholderGroup> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["citizens"] = StakeholderGroup.Citizens,
        ["citizen"] = StakeholderGroup.Citizens,
        ["citoyens"] = StakeholderGroup.Citizens,
        ["citoyen·nes"] = StakeholderGroup.Citizens,
        ["citoyennes et citoyens"] = StakeholderGroup.Citizens,
        ["assemblée citoyenne"] = StakeholderGroup.Citizens,
        ["elected officials"] = StakeholderGroup.ElectedOfficials,
        ["electedofficials"] = StakeholderGroup.ElectedOfficials,
        ["elected"] = StakeholderGroup.ElectedOfficials,
        ["élus"] = StakeholderGroup.ElectedOfficials,
        ["élu·es"] = StakeholderGroup.ElectedOfficials,
        ["elus"] = StakeholderGroup.ElectedOfficials,
        ["civil servants"] = StakeholderGroup.CivilServants,
        ["civilservants"] = StakeholderGroup.CivilServants,
        ["agents"] = StakeholderGroup.CivilServants,
        ["agent·es"] = StakeholderGroup.CivilServants,
        ["services"] = StakeholderGroup.CivilServants,
    };

    /// <summary>
    /// The group named by <paramref name="name"/> ("citizens", "citoyens", "elected officials", "élus",
    /// "civil servants", "agents", …; case, underscores and hyphens ignored), or false.
    /// </summary>
    public static bool TryParse(string name, out StakeholderGroup group) =>
        Names.TryGetValue(name.Trim().Replace('_', ' ').Replace('-', ' '), out group);
}
