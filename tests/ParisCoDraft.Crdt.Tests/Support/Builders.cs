using ParisCoDraft.Crdt;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt.Tests;

/// <summary>Test data builders and small helpers.</summary>
internal static class Builders
{
    public static Doc NewDoc(long clientId, bool gc = true) => new(new DocOptions { ClientId = clientId, Gc = gc });

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>The updates <paramref name="doc"/> emits from now on, in order.</summary>
    public static List<byte[]> RecordUpdates(Doc doc)
    {
        var list = new List<byte[]>();
        doc.Updated += (_, e) => list.Add(e.Update);
        return list;
    }

    public static Dictionary<string, object?> Attrs(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }

    /// <summary>JSON.stringify of a delta, for comparison with yjs output.</summary>
    public static string DeltaJson(IEnumerable<DeltaOp> delta)
    {
        var list = new List<object?>();
        foreach (var op in delta)
        {
            var o = new Dictionary<string, object?>();
            if (op.Insert is not null) o["insert"] = op.Insert is AbstractType t ? t.ToJson() : op.Insert;
            if (op.Delete is not null) o["delete"] = (long)op.Delete;
            if (op.Retain is not null) o["retain"] = (long)op.Retain;
            if (op.Attributes is not null) o["attributes"] = op.Attributes;
            list.Add(o);
        }
        return JsJson.Stringify(list);
    }

    /// <summary>Syncs every doc with every other doc (full state exchange).</summary>
    public static void SyncAll(params Doc[] docs)
    {
        foreach (var a in docs)
        {
            foreach (var b in docs)
            {
                if (a != b) Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
            }
        }
    }
}
