using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>All structs of a document by client.</summary>
internal sealed class StructStore
{
    public readonly Dictionary<long, StructList> Clients = new();

    /// <summary>The lists of <see cref="Clients"/> in creation order; <see cref="StructList.Ordinal"/> indexes it.</summary>
    public StructList[] Ordered = new StructList[4];

    /// <summary>Number of used entries of <see cref="Ordered"/>.</summary>
    public int OrderedCount;

    /// <summary>Structs that could not be integrated yet, by client (sorted by clock).</summary>
    public Dictionary<long, List<AbstractStruct>>? PendingStructs;

    /// <summary>Smallest missing clock per client that blocks <see cref="PendingStructs"/>.</summary>
    public Dictionary<long, long>? PendingMissing;

    /// <summary>Deletions of clocks not received yet.</summary>
    public DeleteSet? PendingDeleteSet;

    public long GetState(long client)
    {
        if (!Clients.TryGetValue(client, out var list) || list.Count == 0) return 0;
        var last = list.Last;
        return last.Clock + last.Len;
    }

    public Dictionary<long, long> GetStateVector()
    {
        var sv = new Dictionary<long, long>(Clients.Count);
        foreach (var (client, list) in Clients)
        {
            if (list.Count == 0) continue;
            var last = list.Last;
            sv[client] = last.Clock + last.Len;
        }
        return sv;
    }

    /// <summary>
    /// The state of every client by ordinal (-1 for a client without structs), in one small array:
    /// what a transaction keeps as its before/after state vector.
    /// </summary>
    public long[] SnapshotClocks()
    {
        int n = OrderedCount;
        if (n == 0) return [];
        var clocks = new long[n];
        var ordered = Ordered;
        for (int i = 0; i < n; i++)
        {
            var list = ordered[i];
            if (list.Count == 0)
            {
                clocks[i] = -1;
                continue;
            }
            var last = list.Last;
            clocks[i] = last.Clock + last.Len;
        }
        return clocks;
    }

    public void AddStruct(AbstractStruct s)
    {
        if (!Clients.TryGetValue(s.Client, out var list))
        {
            list = new StructList { Client = s.Client, Ordinal = OrderedCount };
            Clients[s.Client] = list;
            if (OrderedCount == Ordered.Length) Array.Resize(ref Ordered, Ordered.Length * 2);
            Ordered[OrderedCount++] = list;
        }
        else
        {
            var last = list.Last;
            if (last.Clock + last.Len != s.Clock) throw new InvalidOperationException("Struct clocks must be contiguous.");
        }
        list.Add(s);
    }

    public AbstractStruct? Find(Id id)
    {
        if (!Clients.TryGetValue(id.Client, out var list)) return null;
        int i = list.FindIndex(id.Clock);
        return i < 0 ? null : list[i];
    }

    public AbstractStruct GetItemCleanStart(Transaction tr, Id id)
    {
        var list = Clients[id.Client];
        int i = FindIndexCleanStart(tr, list, id.Clock);
        return list[i];
    }

    public static int FindIndexCleanStart(Transaction? tr, StructList list, long clock)
    {
        int index = list.FindIndex(clock);
        if (index < 0) throw new InvalidOperationException("Struct not found.");
        var s = list[index];
        if (s.Clock < clock && s is Item item)
        {
            list.Insert(index + 1, item.Split(tr, (int)(clock - item.Clock)));
            return index + 1;
        }
        return index;
    }

    public AbstractStruct GetItemCleanEnd(Transaction tr, Id id)
    {
        var list = Clients[id.Client];
        int index = list.FindIndex(id.Clock);
        if (index < 0) throw new InvalidOperationException("Struct not found.");
        var s = list[index];
        if (id.Clock != s.Clock + s.Len - 1 && s is Item item)
        {
            list.Insert(index + 1, item.Split(tr, (int)(id.Clock - item.Clock + 1)));
        }
        return s;
    }

    public void ReplaceStruct(AbstractStruct oldStruct, AbstractStruct newStruct)
    {
        var list = Clients[oldStruct.Client];
        int i = list.FindIndex(oldStruct.Clock);
        list[i] = newStruct;
    }
}
