using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Reads and writes state vectors (clients written in descending order, as yjs).</summary>
internal static class StateVectors
{
    public static void Write(Lib0Writer w, IReadOnlyDictionary<long, long> sv)
    {
        w.WriteVarUint((ulong)sv.Count);
        var clients = new long[sv.Count];
        int i = 0;
        foreach (var c in sv.Keys) clients[i++] = c;
        Array.Sort(clients);
        for (int k = clients.Length - 1; k >= 0; k--)
        {
            w.WriteVarUint((ulong)clients[k]);
            w.WriteVarUint((ulong)sv[clients[k]]);
        }
    }

    public static Dictionary<long, long> Read(ref Lib0Reader r)
    {
        int n = r.ReadCount(2);
        var sv = new Dictionary<long, long>(n);
        for (int i = 0; i < n; i++)
        {
            long client = (long)r.ReadVarUint();
            long clock = (long)r.ReadVarUint();
            sv[client] = clock;
        }
        return sv;
    }

    public static byte[] Encode(IReadOnlyDictionary<long, long> sv)
    {
        using var w = new Lib0Writer();
        Write(w, sv);
        return w.ToArray();
    }

    public static Dictionary<long, long> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return new Dictionary<long, long>();
        var r = new Lib0Reader(bytes);
        return Read(ref r);
    }
}
