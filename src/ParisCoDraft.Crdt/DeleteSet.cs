using System.Runtime.CompilerServices;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Deleted clock ranges by client, as carried at the end of every v1 update.</summary>
public sealed class DeleteSet
{
    internal readonly Dictionary<long, DeleteRangeList> Ranges = new();

    /// <summary>A copy of the ranges by client (sorted and merged after <see cref="SortAndMerge"/>).</summary>
    public IReadOnlyDictionary<long, List<DeleteRange>> Clients
    {
        get
        {
            var copy = new Dictionary<long, List<DeleteRange>>(Ranges.Count);
            foreach (var (client, list) in Ranges) copy[client] = list.ToList();
            return copy;
        }
    }

    /// <summary>Whether no range is recorded.</summary>
    public bool IsEmpty => Ranges.Count == 0;

    internal void Add(long client, long clock, long length)
    {
        if (length <= 0) return;
        if (!Ranges.TryGetValue(client, out var list))
        {
            list = new DeleteRangeList(2);
            Ranges[client] = list;
        }
        list.Add(new DeleteRange(clock, length));
    }

    /// <summary>Sorts every client's ranges and merges touching/overlapping ones.</summary>
    public void SortAndMerge()
    {
        foreach (var list in Ranges.Values)
        {
            if (list.Count < 2) continue;
            bool sorted = true;
            for (int i = 1; i < list.Count; i++)
            {
                if (list[i - 1].Clock > list[i].Clock) { sorted = false; break; }
            }
            if (!sorted) list.SortByClock();
            int j = 1;
            for (int i = 1; i < list.Count; i++)
            {
                var left = list[j - 1];
                var right = list[i];
                if (left.Clock + left.Length >= right.Clock)
                {
                    long end = Math.Max(left.Clock + left.Length, right.Clock + right.Length);
                    list[j - 1] = new DeleteRange(left.Clock, end - left.Clock);
                }
                else
                {
                    list[j++] = right;
                }
            }
            if (j < list.Count) list.Truncate(j);
        }
    }

    /// <summary>Whether <paramref name="id"/> lies in a range (requires sorted ranges).</summary>
    public bool Contains(Id id)
    {
        if (!Ranges.TryGetValue(id.Client, out var list)) return false;
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var r = list[mid];
            if (r.Clock <= id.Clock)
            {
                if (id.Clock < r.Clock + r.Length) return true;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return false;
    }

    internal static DeleteSet FromStore(StructStore store)
    {
        var ds = new DeleteSet();
        foreach (var (client, structs) in store.Clients)
        {
            DeleteRangeList? items = null;
            for (int i = 0; i < structs.Count; i++)
            {
                var s = structs[i];
                if (!s.Deleted) continue;
                long clock = s.Clock;
                long len = s.Len;
                while (i + 1 < structs.Count && structs[i + 1].Deleted)
                {
                    len += structs[i + 1].Len;
                    i++;
                }
                items ??= new DeleteRangeList(4);
                items.Add(new DeleteRange(clock, len));
            }
            if (items is not null) ds.Ranges[client] = items;
        }
        return ds;
    }

    internal static DeleteSet Merge(IEnumerable<DeleteSet> sets)
    {
        var merged = new DeleteSet();
        foreach (var ds in sets)
        {
            foreach (var (client, list) in ds.Ranges)
            {
                if (!merged.Ranges.TryGetValue(client, out var target))
                {
                    target = new DeleteRangeList(list.Count);
                    merged.Ranges[client] = target;
                }
                target.AddRange(list);
            }
        }
        merged.SortAndMerge();
        return merged;
    }

    internal void Write(Lib0Writer w)
    {
        w.WriteVarUint((ulong)Ranges.Count);
        if (Ranges.Count == 0) return;
        var clients = new long[Ranges.Count];
        Ranges.Keys.CopyTo(clients, 0);
        Array.Sort(clients);
        for (int c = clients.Length - 1; c >= 0; c--)
        {
            long client = clients[c];
            var list = Ranges[client];
            w.WriteVarUint((ulong)client);
            w.WriteVarUint((ulong)list.Count);
            foreach (var r in list)
            {
                w.WriteVarUint((ulong)r.Clock);
                w.WriteVarUint((ulong)r.Length);
            }
        }
    }

    internal static DeleteSet Read(ref Lib0Reader r)
    {
        var ds = new DeleteSet();
        int n = r.ReadCount(2);
        for (int i = 0; i < n; i++)
        {
            long client = (long)r.ReadVarUint();
            int count = r.ReadCount(2);
            if (!ds.Ranges.TryGetValue(client, out var list))
            {
                list = new DeleteRangeList(count);
                ds.Ranges[client] = list;
            }
            for (int k = 0; k < count; k++)
            {
                long clock = (long)r.ReadVarUint();
                long len = (long)r.ReadVarUint();
                if (clock + len > JsNumber.MaxSafeInteger) throw new UpdateDecodeException("Delete range out of range.");
                if (len > 0) list.Add(new DeleteRange(clock, len));
            }
            if (list.Count == 0) ds.Ranges.Remove(client);
        }
        return ds;
    }

    /// <summary>Encodes this delete set alone (as in snapshots).</summary>
    public byte[] Encode()
    {
        using var w = new Lib0Writer();
        Write(w);
        return w.ToArray();
    }
}
