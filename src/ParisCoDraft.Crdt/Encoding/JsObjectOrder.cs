namespace ParisCoDraft.Crdt.Encoding;

/// <summary>
/// JavaScript enumerates an object's own keys with array-index keys ("0", "12", ...) first in ascending
/// numeric order, then the other keys in insertion order. Re-encoding must follow it to produce yjs's bytes.
/// </summary>
internal static class JsObjectOrder
{
    public static IEnumerable<string> Keys(IDictionary<string, object?> dict)
    {
        bool any = false;
        foreach (var k in dict.Keys)
        {
            if (IsArrayIndex(k)) { any = true; break; }
        }
        if (!any) return dict.Keys;
        var idx = new List<(uint, string)>();
        var rest = new List<string>();
        foreach (var k in dict.Keys)
        {
            if (IsArrayIndex(k)) idx.Add((uint.Parse(k, System.Globalization.CultureInfo.InvariantCulture), k));
            else rest.Add(k);
        }
        idx.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        var result = new List<string>(dict.Count);
        foreach (var (_, k) in idx) result.Add(k);
        result.AddRange(rest);
        return result;
    }

    public static bool IsArrayIndex(string k)
    {
        if (k.Length == 0 || k.Length > 10) return false;
        if (k.Length > 1 && k[0] == '0') return false;
        foreach (char c in k) if (c < '0' || c > '9') return false;
        return ulong.Parse(k, System.Globalization.CultureInfo.InvariantCulture) < uint.MaxValue;
    }
}
