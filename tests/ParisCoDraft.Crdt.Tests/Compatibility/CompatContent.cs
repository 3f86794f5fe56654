using System.Collections;
using System.Text.Json.Nodes;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// The canonical JSON view of C# content, the same shape tools/yjs-reference/deep.mjs gives for yjs
/// ({"$text": delta}, {"$map": {..}}, {"$array": [..]}, {"$bin": base64}, ...).
/// </summary>
internal static class CompatContent
{
    /// <summary>Content of the named roots (kinds "text", "array", "map", "xmlFragment").</summary>
    public static JsonObject Of(Doc doc, IEnumerable<(string Name, string Kind)> roots)
    {
        var o = new JsonObject();
        foreach (var (name, kind) in roots)
        {
            o[name] = Deep(Root(doc, name, kind));
        }
        return o;
    }

    public static AbstractType Root(Doc doc, string name, string kind) => kind switch
    {
        "text" => doc.GetText(name),
        "array" => doc.GetArray(name),
        "map" => doc.GetMap(name),
        "xmlFragment" => doc.GetXmlFragment(name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown root kind"),
    };

    public static JsonNode? Deep(object? v)
    {
        switch (v)
        {
            case null: return null;
            case Lib0Undefined: return new JsonObject { ["$undefined"] = true };
            case string s: return JsonValue.Create(s);
            case bool b: return JsonValue.Create(b);
            case int i: return JsonValue.Create(i);
            case long l: return JsonValue.Create(l);
            case double d: return JsonValue.Create(d);
            case float f: return JsonValue.Create((double)f);
            case System.Numerics.BigInteger big: return new JsonObject { ["$bigint"] = big.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            case byte[] bin: return new JsonObject { ["$bin"] = Convert.ToBase64String(bin) };
            case Doc sub: return new JsonObject { ["$doc"] = sub.Guid };
            case YXmlText xt: return new JsonObject { ["$xmlText"] = Delta(xt.ToDelta()) };
            case YText t: return new JsonObject { ["$text"] = Delta(t.ToDelta()) };
            case YArray a: return new JsonObject { ["$array"] = List(a.ToArray()) };
            case YXmlHook h: return new JsonObject { ["$xmlHook"] = h.HookName, ["map"] = Map((IDictionary<string, object?>)h.ToJson()!) };
            case YMap m: return new JsonObject { ["$map"] = Map(m.Entries) };
            case YXmlElement e:
                {
                    var attrs = new JsonObject();
                    foreach (var kv in e.GetAttributes()) attrs[kv.Key] = Deep(kv.Value);
                    return new JsonObject { ["$xmlElement"] = e.NodeName, ["attrs"] = attrs, ["children"] = List(e.Children) };
                }
            case YXmlFragment f: return new JsonObject { ["$xmlFragment"] = List(f.Children) };
            case IDictionary<string, object?> dict: return Map(dict);
            case IEnumerable seq:
                {
                    var arr = new JsonArray();
                    foreach (var x in seq) arr.Add(Deep(x));
                    return arr;
                }
            default:
                throw new NotSupportedException($"no canonical view for {v.GetType().FullName}");
        }
    }

    private static JsonArray List(IEnumerable<object?> items)
    {
        var arr = new JsonArray();
        foreach (var x in items) arr.Add(Deep(x));
        return arr;
    }

    private static JsonObject Map(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var o = new JsonObject();
        foreach (var kv in entries) o[kv.Key] = Deep(kv.Value);
        return o;
    }

    private static JsonArray Delta(IEnumerable<DeltaOp> delta)
    {
        var arr = new JsonArray();
        foreach (var op in delta)
        {
            var o = new JsonObject { ["insert"] = op.Insert is string s ? JsonValue.Create(s) : Deep(op.Insert) };
            if (op.Attributes is { Count: > 0 } attrs)
            {
                var a = new JsonObject();
                foreach (var kv in attrs) a[kv.Key] = Deep(kv.Value);
                o["attributes"] = a;
            }
            arr.Add(o);
        }
        return arr;
    }
}
