using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Writes v1 updates from a document's struct store.</summary>
internal static class UpdateWriter
{
    public static void WriteClientsStructs(Lib0Writer w, StructStore store, IReadOnlyDictionary<long, long> targetSv)
    {
        var sm = new List<KeyValuePair<long, long>>();
        foreach (var (client, clock) in targetSv)
        {
            if (store.GetState(client) > clock) sm.Add(new(client, clock));
        }
        foreach (var (client, list) in store.Clients)
        {
            if (list.Count > 0 && !targetSv.ContainsKey(client)) sm.Add(new(client, 0));
        }
        w.WriteVarUint((ulong)sm.Count);
        // Higher client ids first, as yjs.
        sm.Sort((a, b) => b.Key.CompareTo(a.Key));
        foreach (var (client, clock) in sm) WriteStructs(w, store.Clients[client], client, clock);
    }

    public static void WriteStructs(Lib0Writer w, StructList structs, long client, long clock)
    {
        clock = Math.Max(clock, structs[0].Clock);
        int start = structs.FindIndex(clock);
        w.WriteVarUint((ulong)(structs.Count - start));
        w.WriteVarUint((ulong)client);
        w.WriteVarUint((ulong)clock);
        var first = structs[start];
        first.Write(w, (int)(clock - first.Clock));
        for (int i = start + 1; i < structs.Count; i++) structs[i].Write(w, 0);
    }

    public static byte[] EncodeStateAsUpdate(Doc doc, IReadOnlyDictionary<long, long> targetSv)
    {
        using var w = new Lib0Writer(1024);
        WriteClientsStructs(w, doc.Store, targetSv);
        DeleteSet.FromStore(doc.Store).Write(w);
        return w.ToArray();
    }

    /// <summary>The update of one finished transaction, or null when it changed nothing.</summary>
    public static byte[]? EncodeTransactionUpdate(Transaction tr)
    {
        var ds = tr.DeleteSetOrNull;
        bool changed = ds is not null && !ds.IsEmpty;
        var before = tr.BeforeClocks;
        var after = tr.AfterClocks!;
        if (!changed)
        {
            for (int o = 0; o < after.Length; o++)
            {
                if (after[o] < 0) continue;
                if (!Transaction.HasClient(before, o) || before[o] != after[o]) { changed = true; break; }
            }
        }
        if (!changed) return null;
        using var w = new Lib0Writer(64);
        var store = tr.Doc.Store;
        // Same structs as WriteClientsStructs against the before state vector.
        var sm = new List<KeyValuePair<long, long>>();
        for (int o = 0; o < store.OrderedCount; o++)
        {
            var list = store.Ordered[o];
            if (list.Count == 0) continue;
            long state = store.GetState(list.Client);
            if (Transaction.HasClient(before, o))
            {
                if (state > before[o]) sm.Add(new(list.Client, before[o]));
            }
            else sm.Add(new(list.Client, 0));
        }
        w.WriteVarUint((ulong)sm.Count);
        sm.Sort((a, b) => b.Key.CompareTo(a.Key));
        foreach (var (client, clock) in sm) WriteStructs(w, store.Clients[client], client, clock);
        if (ds is null) w.WriteVarUint(0);
        else
        {
            ds.SortAndMerge();
            ds.Write(w);
        }
        return w.ToArray();
    }
}
