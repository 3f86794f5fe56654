namespace ParisCoDraft.Drafting.FollowUp;

/// <summary>Where a follow-up commitment stands (wire names) and how the export words it.</summary>
public static class CommitmentStatuses
{
    /// <summary>Every status, in the order a review walks them.</summary>
    public static IReadOnlyList<string> All { get; } = ["planned", "in-progress", "done", "late", "dropped"];

    /// <summary>Whether <paramref name="status"/> is a known status.</summary>
    public static bool IsKnown(string? status) => status is not null && All.Contains(status);

    /// <summary>The French label used in exports.</summary>
    public static string French(string status) => status switch
    {
        "planned" => "Prévu",
        "in-progress" => "En cours",
        "done" => "Réalisé",
        "late" => "En retard",
        "dropped" => "Abandonné",
        _ => status,
    };
}
