namespace ParisCoDraft.Drafting.Workshops;

/// <summary>Why a version was taken (wire names, as stored).</summary>
public static class VersionKinds
{
    /// <summary>A facilitator named a version at some moment.</summary>
    public const string Named = "named";

    /// <summary>Taken when a workshop opened: the text the workshop started from.</summary>
    public const string WorkshopOpen = "workshop-open";

    /// <summary>Taken when a workshop closed: what the workshop produced.</summary>
    public const string WorkshopClose = "workshop-close";
}
