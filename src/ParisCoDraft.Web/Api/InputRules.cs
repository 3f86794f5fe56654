namespace ParisCoDraft.Web.Api;

/// <summary>Limits on what people type into forms, checked before anything is stored.</summary>
internal static class InputRules
{
    public const int MaxTitle = 300;
    public const int MaxPreamble = 20_000;
    public const int MaxDisplayName = 60;

    /// <summary>Trims <paramref name="value"/>; null when it is empty, too long or holds control characters.</summary>
    public static string? Line(string? value, int max)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v) || v.Length > max) return null;
        foreach (var c in v)
        {
            if (char.IsControl(c)) return null;
        }
        return v;
    }

    /// <summary>
    /// The title as typed live in the document, made to fit the rules of <see cref="Line"/>: control characters
    /// (a pasted line break) become spaces, the ends are trimmed and the text is cut at <see cref="MaxTitle"/>.
    /// Null when nothing is left, so the stored title stays what it was.
    /// </summary>
    public static string? DocumentTitle(string? value)
    {
        if (value is null) return null;
        // Far past the limit nothing more can matter; this bounds the work done under a room's gate.
        var v = value.Length > 4 * MaxTitle ? value[..(4 * MaxTitle)] : value;
        foreach (var c in v)
        {
            if (!char.IsControl(c)) continue;
            v = string.Create(v.Length, v, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            });
            break;
        }
        v = v.Trim();
        if (v.Length > MaxTitle)
        {
            var cut = MaxTitle;
            // Never leave half of a surrogate pair at the end.
            if (char.IsHighSurrogate(v[cut - 1])) cut--;
            v = v[..cut].TrimEnd();
        }
        return Line(v, MaxTitle);
    }

    /// <summary>A multi-line text (newlines and tabs allowed); null when too long or holding other control characters.</summary>
    public static string? Text(string? value, int max, out bool valid)
    {
        valid = true;
        if (value is null) return null;
        if (value.Length > max) { valid = false; return null; }
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') { valid = false; return null; }
        }
        return value;
    }
}
