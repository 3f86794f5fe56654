using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt.Protocols;

/// <summary>Wire format of y-protocols awareness updates: varUint count, then (client, clock, JSON string) entries.</summary>
public static class AwarenessUpdate
{
    /// <summary>Decodes an awareness update. Throws <see cref="UpdateDecodeException"/> on bad input (including invalid JSON).</summary>
    public static IReadOnlyList<AwarenessEntry> Decode(ReadOnlySpan<byte> update)
    {
        var r = new Lib0Reader(update);
        int n = r.ReadCount(3);
        var list = new List<AwarenessEntry>(n);
        for (int i = 0; i < n; i++)
        {
            long client = (long)r.ReadVarUint();
            long clock = (long)r.ReadVarUint();
            string json = r.ReadVarString();
            list.Add(new AwarenessEntry(client, clock, Normalize(json)));
        }
        return list;
    }

    /// <summary>Encodes entries.</summary>
    public static byte[] Encode(IEnumerable<AwarenessEntry> entries)
    {
        using var w = new Lib0Writer();
        var list = entries as IReadOnlyCollection<AwarenessEntry> ?? entries.ToList();
        w.WriteVarUint((ulong)list.Count);
        foreach (var e in list)
        {
            w.WriteVarUint((ulong)e.ClientId);
            w.WriteVarUint((ulong)e.Clock);
            w.WriteVarString(e.Json);
        }
        return w.ToArray();
    }

    /// <summary>JSON.stringify(JSON.parse(json)); throws <see cref="UpdateDecodeException"/> for invalid JSON.</summary>
    internal static string Normalize(string json)
    {
        var v = JsJson.Parse(json);
        if (v is Lib0Undefined) throw new UpdateDecodeException("Invalid awareness state JSON.");
        return JsJson.Stringify(v);
    }
}
