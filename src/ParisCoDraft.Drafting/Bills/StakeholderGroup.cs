namespace ParisCoDraft.Drafting.Bills;

/// <summary>The three groups that co-write a bill; consensus and attribution are summed per group.</summary>
public enum StakeholderGroup
{
    /// <summary>Members of the Citizens' Assembly.</summary>
    Citizens,

    /// <summary>Elected officials, majority and opposition.</summary>
    ElectedOfficials,

    /// <summary>The city's civil servants.</summary>
    CivilServants,
}
