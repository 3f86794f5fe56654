namespace ParisCoDraft.Web.Auth;

/// <summary>A fixed palette of colours that read well on white, picked by a stable hash of the participant id.</summary>
public static class ParticipantColors
{
    private static readonly string[] Palette =
    [
        "#1f6feb", "#b42318", "#067647", "#9e3ba8", "#b54708", "#0e7490",
        "#c11574", "#4d7c0f", "#5b5bd6", "#a15c07", "#0f766e", "#be123c",
    ];

    /// <summary>The colour of a participant.</summary>
    public static string For(string participantId)
    {
        // FNV-1a: string.GetHashCode is randomised per process and colours must survive restarts.
        uint hash = 2166136261;
        foreach (var c in participantId)
        {
            hash = (hash ^ c) * 16777619;
        }
        return Palette[hash % (uint)Palette.Length];
    }
}
