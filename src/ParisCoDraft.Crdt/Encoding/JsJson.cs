using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParisCoDraft.Crdt.Encoding;

/// <summary>
/// JSON.stringify / JSON.parse equivalents for the lib0 "any" model, used by ContentJSON, ContentEmbed
/// and ContentFormat whose wire form is a JSON string produced by JavaScript.
/// </summary>
public static class JsJson
{
    /// <summary>Maximum nesting accepted when parsing.</summary>
    public const int MaxDepth = 128;

    /// <summary>Serialises like JavaScript's JSON.stringify (undefined at top level gives "undefined" as yjs writes).</summary>
    public static string Stringify(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case Lib0Undefined: sb.Append("null"); break;
            case string s: WriteString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case long l: sb.Append(NumberToString(l)); break;
            case double d: sb.Append(NumberToString(d)); break;
            case float f: sb.Append(NumberToString(f)); break;
            case System.Numerics.BigInteger: throw new InvalidOperationException("Do not know how to serialize a BigInt");
            case byte[] bytes:
                {
                    // JSON.stringify(Uint8Array) gives {"0":..,"1":..}
                    sb.Append('{');
                    for (int k = 0; k < bytes.Length; k++)
                    {
                        if (k > 0) sb.Append(',');
                        sb.Append('"').Append(k.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(bytes[k].ToString(CultureInfo.InvariantCulture));
                    }
                    sb.Append('}');
                    break;
                }
            case IDictionary<string, object?> dict:
                {
                    sb.Append('{');
                    bool first = true;
                    foreach (var key in JsObjectOrder.Keys(dict))
                    {
                        var v = dict[key];
                        if (v is Lib0Undefined) continue;
                        if (!first) sb.Append(',');
                        first = false;
                        WriteString(sb, key);
                        sb.Append(':');
                        Write(sb, v);
                    }
                    sb.Append('}');
                    break;
                }
            case System.Collections.IEnumerable seq:
                {
                    sb.Append('[');
                    bool first = true;
                    foreach (var v in seq)
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        Write(sb, v);
                    }
                    sb.Append(']');
                    break;
                }
            default:
                if (value is IConvertible conv)
                {
                    sb.Append(NumberToString(conv.ToDouble(CultureInfo.InvariantCulture)));
                }
                else sb.Append("null");
                break;
        }
    }

    /// <summary>Formats a number as JavaScript's Number.prototype.toString does (for JSON).</summary>
    public static string NumberToString(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return "null";
        if (d == 0) return "0";
        if (Math.Floor(d) == d && Math.Abs(d) < 1e21)
        {
            return d.ToString("F0", CultureInfo.InvariantCulture);
        }
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0) return r;
        // .NET: 1.5E-07 / 1E+21 ; JS: 1.5e-7 / 1e+21 ; JS uses plain decimals for exponents in [-7, 21)
        string mant = r[..e];
        int exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        if (exp >= -7 && exp < 21)
        {
            return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        }
        return mant + "e" + (exp >= 0 ? "+" : "-") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsLowSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Parses JSON into the "any" model (long for integral numbers that fit, double otherwise). Throws UpdateDecodeException.</summary>
    public static object? Parse(string json)
    {
        if (json == "undefined") return Lib0Undefined.Value;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Convert(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new UpdateDecodeException("Invalid JSON content.", e);
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON to JavaScript, but System.Text.Json will not
            // read it as a string; yjs never writes one (JSON.stringify escapes it only in hostile input).
            throw new UpdateDecodeException("Invalid JSON content: an escaped lone surrogate.", e);
        }
    }

    /// <summary>Converts a JSON element to the "any" model.</summary>
    public static object? Convert(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number:
                if (e.TryGetInt64(out long l) && Math.Abs(l) <= JsNumber.MaxSafeInteger) return l;
                return e.GetDouble();
            case JsonValueKind.Array:
                {
                    var list = new List<object?>(e.GetArrayLength());
                    foreach (var x in e.EnumerateArray()) list.Add(Convert(x));
                    return list;
                }
            case JsonValueKind.Object:
                {
                    var dict = new Dictionary<string, object?>();
                    foreach (var p in e.EnumerateObject()) dict[p.Name] = Convert(p.Value);
                    return dict;
                }
            default: return null;
        }
    }
}
