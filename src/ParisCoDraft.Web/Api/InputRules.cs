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
