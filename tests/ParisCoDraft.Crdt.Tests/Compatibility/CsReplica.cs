using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// A C# replica for the differential sessions, with the same kinds of random edits as
/// tools/yjs-reference/peer.mjs (text inserts/deletes/formats/embeds incl. emoji, array and map edits,
/// nested Y.Text/Y.Map/Y.Array up to depth 3).
/// </summary>
internal sealed class CsReplica
{
    public static readonly (string Name, string Kind)[] Roots =
        [("text", "text"), ("array", "array"), ("map", "map"), ("xml", "xmlFragment")];

    private static readonly object LocalOrigin = new();
    private static readonly string[] Chars = ["a", "b", "c", "x", "y", "z", " ", "é", "€", "😀", "👍🏽", "\n"];

    private readonly List<byte[]> _outbox = [];

    // How each preliminary nested type was built, for the journal (its content is not readable before integration).
    private readonly ConditionalWeakTable<AbstractType, JsonNode> _prelims = [];
    private JsonArray? _transactionOps;

    private CsReplica(Doc doc)
    {
        Doc = doc;
        // Every local transaction's update goes out: the edits, and the formatting cleanup a Y.Text
        // runs (as a local transaction) after a remote change, exactly as yjs does.
        Doc.Updated += (_, e) =>
        {
            if (e.Transaction.Local) _outbox.Add(e.Update);
        };
    }

    /// <summary>Every update this replica produced or applied, in order: yjs replaying them must end in the same state.</summary>
    public List<byte[]> History { get; } = [];

    /// <summary>
    /// What happened to this replica, in order, for yjs to do the same on a live doc (peer.mjs "liveReplay"):
    /// {"tx": [operation...]} for each local transaction (the API calls with their arguments) and
    /// {"apply": update} for each remote update.
    /// </summary>
    public JsonArray Journal { get; } = [];

    /// <summary>Applies a remote update and records it.</summary>
    public void Apply(byte[] update)
    {
        History.Add(update);
        Journal.Add(new JsonObject { ["apply"] = Convert.ToBase64String(update) });
        Y.ApplyUpdate(Doc, update, "remote");
    }

    public Doc Doc { get; }

    /// <summary>Updates of local transactions since the last call.</summary>
    public List<byte[]> Drain()
    {
        var o = _outbox.ToList();
        _outbox.Clear();
        History.AddRange(o);
        return o;
    }

    public static CsReplica Create(long client)
    {
        var doc = new Doc(new DocOptions { ClientId = client, Gc = true });
        foreach (var (name, kind) in Roots)
        {
            CompatContent.Root(doc, name, kind);
        }
        return new CsReplica(doc);
    }

    /// <summary>n random transactions; returns the updates of local transactions (see <see cref="Drain"/>).</summary>
    public List<byte[]> RandomEdits(int seed, int n)
    {
        var rng = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            _transactionOps = [];
            Journal.Add(new JsonObject { ["tx"] = _transactionOps });
            Doc.Transact(_ => RandomOp(rng), LocalOrigin);
        }
        return Drain();
    }

    private void RandomOp(Random rng)
    {
        var types = new List<(AbstractType T, int Depth)>();
        Collect(Doc.GetText("text"), 0, types);
        Collect(Doc.GetArray("array"), 0, types);
        Collect(Doc.GetMap("map"), 0, types);
        var (t, depth) = types[rng.Next(types.Count)];
        switch (t)
        {
            case YText text:
                {
                    // Positions stay off the middle of surrogate pairs (see peer.mjs: splitting a pair
                    // does not converge in yjs either; the byte fixtures cover the split itself).
                    var units = UnitsOf(text);
                    var len = units.Length;
                    var k = rng.Next(10);
                    if (k < 5 || len == 0)
                    {
                        var attrs = rng.Next(4) == 0 ? RandomAttrs(rng) : null;
                        var at = Snap(units, rng.Next(len + 1));
                        var s = RandomString(rng);
                        Record("insert", text, at, s, attrs);
                        text.Insert(at, s, attrs);
                    }
                    else if (k < 8)
                    {
                        var (pos, n) = Range(units, rng, 5);
                        Record("delete", text, pos, n);
                        text.Delete(pos, n);
                    }
                    else if (k < 9)
                    {
                        var (pos, n) = Range(units, rng, 6);
                        var attrs = RandomAttrs(rng);
                        Record("format", text, pos, n, attrs);
                        text.Format(pos, n, attrs);
                    }
                    else
                    {
                        var at = Snap(units, rng.Next(len + 1));
                        var embed = new Dictionary<string, object?> { ["image"] = $"img{rng.Next(10)}.png" };
                        Record("insertEmbed", text, at, embed);
                        text.InsertEmbed(at, embed);
                    }
                    break;
                }
            case YArray array:
                {
                    var len = array.Length;
                    if (rng.Next(3) > 0 || len == 0)
                    {
                        var n = 1 + rng.Next(3);
                        var vals = new List<object?>();
                        for (var i = 0; i < n; i++) vals.Add(RandomValue(rng, depth));
                        var at = rng.Next(len + 1);
                        Record("insert", array, at, vals);
                        array.Insert(at, vals);
                    }
                    else
                    {
                        var pos = rng.Next(len);
                        var n = 1 + rng.Next(Math.Min(3, len - pos));
                        Record("delete", array, pos, n);
                        array.Delete(pos, n);
                    }
                    break;
                }
            case YMap map:
                {
                    var key = "k" + rng.Next(6);
                    if (rng.Next(4) == 0)
                    {
                        Record("delete", map, key);
                        map.Delete(key);
                    }
                    else
                    {
                        var value = RandomValue(rng, depth);
                        Record("set", map, key, value);
                        map.Set(key, value);
                    }
                    break;
                }
        }
    }

    /// <summary>Journals one API call: the type (root name, or the id of the item holding it) and the arguments.</summary>
    private void Record(string op, AbstractType target, params object?[] args)
    {
        JsonNode type = target.Item is { } item
            ? new JsonArray(item.Client, item.Clock)
            : target switch { YText => "text", YArray => "array", _ => "map" };
        _transactionOps!.Add(new JsonObject
        {
            ["op"] = op,
            ["type"] = type,
            ["args"] = new JsonArray(args.Select(Describe).ToArray()),
        });
    }

    /// <summary>An argument as peer.mjs rebuilds it ({"$text": s}, {"$map": v}, {"$array": v} are new nested types).</summary>
    private JsonNode? Describe(object? v) => v switch
    {
        null => null,
        AbstractType t => _prelims.TryGetValue(t, out var d) ? d.DeepClone() : throw new InvalidOperationException("unjournaled nested type"),
        string s => s,
        bool b => b,
        int i => i,
        long l => l,
        double x => x,
        Dictionary<string, object?> d => new JsonObject(d.Select(kv => KeyValuePair.Create(kv.Key, Describe(kv.Value)))),
        List<object?> l => new JsonArray(l.Select(Describe).ToArray()),
        _ => throw new InvalidOperationException($"cannot journal a {v.GetType().Name}"),
    };

    private static string UnitsOf(YText text)
        => string.Concat(text.ToDelta().Select(op => op.Insert as string ?? "\0"));

    private static int Snap(string units, int i) => i > 0 && i < units.Length && char.IsLowSurrogate(units[i]) ? i - 1 : i;

    private static (int Pos, int Length) Range(string units, Random rng, int max)
    {
        var pos = Snap(units, rng.Next(units.Length));
        var end = pos + 1 + rng.Next(Math.Min(max, units.Length - pos));
        if (end < units.Length && char.IsLowSurrogate(units[end])) end++;
        return (pos, end - pos);
    }

    private static void Collect(AbstractType t, int depth, List<(AbstractType, int)> into)
    {
        into.Add((t, depth));
        if (depth >= 3) return;
        IEnumerable<object?> children = t switch
        {
            YArray a => a.ToArray(),
            YMap m => m.Entries.Select(kv => kv.Value),
            _ => [],
        };
        foreach (var c in children)
        {
            if (c is AbstractType child) Collect(child, depth + 1, into);
        }
    }

    private static string RandomString(Random rng)
    {
        var n = 1 + rng.Next(6);
        var s = "";
        for (var i = 0; i < n; i++) s += rng.Next(10) < 8 ? Chars[rng.Next(7)] : Chars[rng.Next(Chars.Length)];
        return s;
    }

    private static Dictionary<string, object?> RandomAttrs(Random rng) => rng.Next(5) switch
    {
        0 => new() { ["bold"] = true },
        1 => new() { ["italic"] = true },
        2 => new() { ["bold"] = null },
        3 => new() { ["color"] = "#c00" },
        _ => new() { ["link"] = new Dictionary<string, object?> { ["href"] = "https://ex.fr" } },
    };

    private static object? RandomPrimitive(Random rng) => rng.Next(8) switch
    {
        0 => (long)(rng.Next(1000) - 500),
        1 => RandomString(rng),
        2 => rng.Next(2) == 0,
        3 => null,
        4 => rng.Next(100) / 8.0,
        5 => new Dictionary<string, object?> { ["k"] = RandomString(rng), ["n"] = (long)rng.Next(10) },
        6 => new List<object?> { (long)rng.Next(5), RandomString(rng) },
        _ => "v" + rng.Next(100),
    };

    private object? RandomValue(Random rng, int depth)
    {
        if (depth < 3 && rng.Next(7) == 0)
        {
            switch (rng.Next(3))
            {
                case 0:
                    var t = new YText();
                    var s = RandomString(rng);
                    t.Insert(0, s);
                    _prelims.Add(t, new JsonObject { ["$text"] = s });
                    return t;
                case 1:
                    var m = new YMap();
                    var mv = RandomPrimitive(rng);
                    m.Set("k", mv);
                    _prelims.Add(m, new JsonObject { ["$map"] = Describe(mv) });
                    return m;
                default:
                    var av = RandomPrimitive(rng);
                    var a = new YArray([av]);
                    _prelims.Add(a, new JsonObject { ["$array"] = Describe(av) });
                    return a;
            }
        }
        return RandomPrimitive(rng);
    }
}
