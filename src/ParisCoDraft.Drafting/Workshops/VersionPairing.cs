namespace ParisCoDraft.Drafting.Workshops;

/// <summary>Which two versions a diff shows when nobody chose: "this workshop against the previous one".</summary>
public static class VersionPairing
{
    /// <summary>
    /// The version <paramref name="target"/> is compared with by default: for a workshop's closing version,
    /// the previous workshop's closing version, or else the version its own workshop opened with; for any
    /// other version, the closest earlier workshop closing, or else the earliest version. Null when
    /// <paramref name="target"/> is the first version.
    /// </summary>
    public static VersionRef? DefaultBase(IReadOnlyList<VersionRef> versions, VersionRef target)
    {
        var earlier = versions.Where(v => v.Number < target.Number).OrderBy(v => v.Number).ToList();
        if (earlier.Count == 0) return null;
        var previousClose = earlier.LastOrDefault(v => v.Kind == VersionKinds.WorkshopClose);
        if (previousClose is not null) return previousClose;
        if (target.Kind == VersionKinds.WorkshopClose)
        {
            var opening = earlier.LastOrDefault(v => v.Kind == VersionKinds.WorkshopOpen && v.WorkshopId == target.WorkshopId);
            if (opening is not null) return opening;
        }
        return earlier[0];
    }

    /// <summary>
    /// The pair shown when nobody chose any version: the latest workshop closing against its default base;
    /// without a closing, the latest version against its base. Null when fewer than two versions exist.
    /// </summary>
    public static (VersionRef Older, VersionRef Newer)? Default(IReadOnlyList<VersionRef> versions)
    {
        var target = versions.Where(v => v.Kind == VersionKinds.WorkshopClose).MaxBy(v => v.Number) ?? versions.MaxBy(v => v.Number);
        if (target is null) return null;
        var older = DefaultBase(versions, target);
        return older is null ? null : (older, target);
    }
}
