using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// Structural JSON comparison for content views: object keys unordered, numbers by value (1 == 1.0),
/// strings ordinal. On mismatch, reports the first differing path.
/// </summary>
internal static class CompatJson
{
    private static readonly JsonSerializerOptions RelaxedJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool DeepEquals(JsonNode? a, JsonNode? b, out string path)
    {
        path = "$";
        return Eq(a, b, ref path);
    }

    /// <summary>Fails with both values and the first differing path.</summary>
    public static void AssertEqual(JsonNode? expected, JsonNode? actual, string context)
    {
        if (!DeepEquals(expected, actual, out var path))
        {
            Assert.Fail($"{context}: content differs at {path}\n expected: {Canonical(expected)}\n   actual: {Canonical(actual)}");
        }
    }

    /// <summary>Sorted-keys compact rendering (for messages and hashing).</summary>
    public static string Canonical(JsonNode? n)
    {
        var sb = new StringBuilder();
        Write(n, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode? n, StringBuilder sb)
    {
        switch (n)
        {
            case null: sb.Append("null"); break;
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var kv in o.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append(JsonSerializer.Serialize(kv.Key)).Append(':');
                    Write(kv.Value, sb);
                }
                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(arr[i], sb);
                }
                sb.Append(']');
                break;
            case JsonValue v when TryNumber(v, out var d):
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                sb.Append(JsonSerializer.Serialize(v.GetValue<string>(), RelaxedJson));
                break;
            default: sb.Append(n.ToJsonString()); break;
        }
    }

    private static bool TryNumber(JsonValue v, out double d)
    {
        d = 0;
        if (v.GetValueKind() != JsonValueKind.Number) return false;
        if (v.TryGetValue<double>(out d)) return true;
        if (v.TryGetValue<long>(out var l)) { d = l; return true; }
        if (v.TryGetValue<int>(out var i)) { d = i; return true; }
        if (v.TryGetValue<float>(out var f)) { d = f; return true; }
        if (v.TryGetValue<ulong>(out var u)) { d = u; return true; }
        if (v.TryGetValue<decimal>(out var m)) { d = (double)m; return true; }
        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }

    private static bool Eq(JsonNode? a, JsonNode? b, ref string path)
    {
        if (a is null || b is null) return a is null && b is null;
        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
                if (oa.Count != ob.Count)
                {
                    var keysA = string.Join(",", oa.Select(k => k.Key).Order(StringComparer.Ordinal));
                    var keysB = string.Join(",", ob.Select(k => k.Key).Order(StringComparer.Ordinal));
                    path += $" (keys [{keysA}] vs [{keysB}])";
                    return false;
                }
                foreach (var kv in oa)
                {
                    if (!ob.TryGetPropertyValue(kv.Key, out var bv)) { path += $".{kv.Key} (missing)"; return false; }
                    var p = path + "." + kv.Key;
                    if (!Eq(kv.Value, bv, ref p)) { path = p; return false; }
                }
                return true;
            case JsonArray aa when b is JsonArray ab:
                if (aa.Count != ab.Count) { path += $" (length {aa.Count} vs {ab.Count})"; return false; }
                for (var i = 0; i < aa.Count; i++)
                {
                    var p = path + "[" + i + "]";
                    if (!Eq(aa[i], ab[i], ref p)) { path = p; return false; }
                }
                return true;
            case JsonValue va when b is JsonValue vb:
                if (TryNumber(va, out var da) && TryNumber(vb, out var db))
                {
                    return da.Equals(db) || (da == 0 && db == 0);
                }
                if (va.GetValueKind() != vb.GetValueKind()) return false;
                return va.GetValueKind() != JsonValueKind.String
                    || string.Equals(va.GetValue<string>(), vb.GetValue<string>(), StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
