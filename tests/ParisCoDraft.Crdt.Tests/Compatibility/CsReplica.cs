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

    private CsReplica(Doc doc) => Doc = doc;

    public Doc Doc { get; }

    public static CsReplica Create(long client)
    {
        var doc = new Doc(new DocOptions { ClientId = client, Gc = true });
        foreach (var (name, kind) in Roots)
        {
            CompatContent.Root(doc, name, kind);
        }
        return new CsReplica(doc);
    }

    /// <summary>n random transactions; returns the updates they produced.</summary>
    public List<byte[]> RandomEdits(int seed, int n)
    {
        var rng = new Random(seed);
        var updates = new List<byte[]>();
        void OnUpdate(object? sender, UpdateEventArgs e)
        {
            if (ReferenceEquals(e.Origin, LocalOrigin)) updates.Add(e.Update);
        }
        Doc.Updated += OnUpdate;
        try
        {
            for (var i = 0; i < n; i++)
            {
                Doc.Transact(_ => RandomOp(rng), LocalOrigin);
            }
        }
        finally
        {
            Doc.Updated -= OnUpdate;
        }
        return updates;
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
                    var len = text.Length;
                    var k = rng.Next(10);
                    if (k < 5 || len == 0)
                    {
                        var attrs = rng.Next(4) == 0 ? RandomAttrs(rng) : null;
                        text.Insert(rng.Next(len + 1), RandomString(rng), attrs);
                    }
                    else if (k < 8)
                    {
                        var pos = rng.Next(len);
                        text.Delete(pos, 1 + rng.Next(Math.Min(5, len - pos)));
                    }
                    else if (k < 9)
                    {
                        var pos = rng.Next(len);
                        text.Format(pos, 1 + rng.Next(Math.Min(6, len - pos)), RandomAttrs(rng));
                    }
                    else
                    {
                        text.InsertEmbed(rng.Next(len + 1), new Dictionary<string, object?> { ["image"] = $"img{rng.Next(10)}.png" });
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
                        array.Insert(rng.Next(len + 1), vals);
                    }
                    else
                    {
                        var pos = rng.Next(len);
                        array.Delete(pos, 1 + rng.Next(Math.Min(3, len - pos)));
                    }
                    break;
                }
            case YMap map:
                {
                    var key = "k" + rng.Next(6);
                    if (rng.Next(4) == 0) map.Delete(key);
                    else map.Set(key, RandomValue(rng, depth));
                    break;
                }
        }
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

    private static object? RandomValue(Random rng, int depth)
    {
        if (depth < 3 && rng.Next(7) == 0)
        {
            switch (rng.Next(3))
            {
                case 0:
                    var t = new YText();
                    t.Insert(0, RandomString(rng));
                    return t;
                case 1:
                    var m = new YMap();
                    m.Set("k", RandomPrimitive(rng));
                    return m;
                default:
                    return new YArray([RandomPrimitive(rng)]);
            }
        }
        return RandomPrimitive(rng);
    }
}
