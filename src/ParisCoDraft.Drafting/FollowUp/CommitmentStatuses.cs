namespace ParisCoDraft.Drafting.FollowUp;

/// <summary>Where a follow-up commitment stands (wire names).</summary>
public static class CommitmentStatuses
{
    /// <summary>Every status, in the order a review walks them.</summary>
    public static IReadOnlyList<string> All { get; } = ["planned", "in-progress", "done", "late", "dropped"];

    /// <summary>Whether <paramref name="status"/> is a known status.</summary>
    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
