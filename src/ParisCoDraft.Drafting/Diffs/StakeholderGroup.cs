namespace ParisCoDraft.Drafting.Diffs;

/// <summary>The three groups that co-write a bill.</summary>
public enum StakeholderGroup
{
    /// <summary>Members of the citizens' assembly.</summary>
    Citizens,

    /// <summary>Elected officials (majority and opposition).</summary>
    ElectedOfficials,

    /// <summary>Civil servants of the City.</summary>
    CivilServants,
}
