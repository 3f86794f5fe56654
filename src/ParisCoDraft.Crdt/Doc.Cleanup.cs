using System.Runtime.CompilerServices;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

public sealed partial class Doc
{
    private void CleanupTransactions(int i)
    {
        var cleanups = _cleanups!;
        while (i < cleanups.Count)
        {
            var tr = cleanups[i];
            var ds = tr.DeleteSetOrNull;
            try
            {
                ds?.SortAndMerge();
                tr.AfterClocks = Store.SnapshotClocks();
                CallObservers(tr);
                AfterTransaction?.Invoke(this, new TransactionEventArgs(tr));
                if (tr.NeedFormattingCleanup) YText.CleanupAfterTransaction(tr);
            }
            finally
            {
                if (ds is not null)
                {
                    if (Gc) TryGcDeleteSet(ds);
                    TryMergeDeleteSet(ds);
                }
                var after = tr.AfterClocks!;
                var ordered = Store.Ordered;
                for (int o = 0; o < after.Length; o++)
                {
                    long clock = after[o];
                    if (clock < 0) continue;
                    long before = Transaction.ClockAt(tr.BeforeClocks, o);
                    if (before != clock)
                    {
                        var structs = ordered[o];
                        int first = Math.Max(before == 0 ? 0 : structs.FindIndex(before), 1);
                        for (int k = structs.Count - 1; k >= first;)
                        {
                            k -= 1 + TryToMergeWithLefts(structs, k);
                        }
                    }
                }
                var merge = tr.MergeStructsOrNull;
                for (int k = (merge?.Count ?? 0) - 1; k >= 0; k--)
                {
                    var s = merge![k];
                    var structs = Store.Clients[s.Client];
                    int pos = structs.FindIndex(s.Clock);
                    if (pos < 0) continue;
                    if (pos + 1 < structs.Count)
                    {
                        if (TryToMergeWithLefts(structs, pos + 1) > 1) continue;
                    }
                    if (pos > 0) TryToMergeWithLefts(structs, pos);
                }
                if (!tr.Local && tr.AfterStateOf(ClientId) != tr.BeforeStateOf(ClientId))
                {
                    // Another replica used our client id: pick a new one, as yjs does.
                    ClientId = GenerateClientId();
                }
                AfterTransactionCleanup?.Invoke(this, new TransactionEventArgs(tr));
                var updated = Updated;
                if (updated is not null)
                {
                    var bytes = UpdateWriter.EncodeTransactionUpdate(tr);
                    if (bytes is not null) updated(this, new UpdateEventArgs(bytes, tr.Origin, tr));
                }
                i++;
                if (cleanups.Count <= i)
                {
                    _cleanups = null;
                    cleanups.Clear();
                    _spareCleanups = cleanups;
                    AfterAllTransactions?.Invoke(this, EventArgs.Empty);
                }
            }
        }
    }

    private static void CallObservers(Transaction tr)
    {
        if (tr.ChangedCount == 0) return;
        // Deep observers collect the events of all descendants.
        Dictionary<AbstractType, List<YEvent>>? deep = null;
        if (tr.ChangedMany is { } many)
        {
            foreach (var (type, subs) in many) CallObservers(tr, type, subs, ref deep);
        }
        else if (tr.SingleChanged(out var subs) is { } type)
        {
            CallObservers(tr, type, subs!, ref deep);
        }
        if (deep is null) return;
        foreach (var (t, events) in deep)
        {
            if (t.ItemRef is not null && t.ItemRef.IsDeleted) continue;
            foreach (var e in events) e.CurrentTarget = t;
            foreach (var h in t.DeepObservers!.ToArray()) h(events, tr);
        }
    }

    /// <summary>Fires the observers of one changed type and collects its event for deep observers.</summary>
    private static void CallObservers(Transaction tr, AbstractType type, HashSet<string?> subs, ref Dictionary<AbstractType, List<YEvent>>? deep)
    {
        if (type.ItemRef is not null && type.ItemRef.IsDeleted) return;
        type.OnChanged(tr);
        bool hasDeep = false;
        for (var t = type; t is not null; t = t.ItemRef?.Parent)
        {
            if (t.DeepObservers is { Count: > 0 }) { hasDeep = true; break; }
        }
        if (type.Observers is not { Count: > 0 } && !hasDeep) return;
        var ev = type.CreateEvent(tr, subs);
        if (type.Observers is { Count: > 0 } obs)
        {
            foreach (var h in obs.ToArray()) h(ev, tr);
        }
        if (hasDeep)
        {
            deep ??= new Dictionary<AbstractType, List<YEvent>>(ReferenceEqualityComparer.Instance);
            for (var t = type; t is not null; t = t.ItemRef?.Parent)
            {
                if (t.DeepObservers is not { Count: > 0 }) continue;
                if (!deep.TryGetValue(t, out var list)) deep[t] = list = new List<YEvent>();
                list.Add(ev);
            }
        }
    }

    private void TryGcDeleteSet(DeleteSet ds)
    {
        foreach (var (client, ranges) in ds.Ranges)
        {
            if (!Store.Clients.TryGetValue(client, out var structs)) continue;
            for (int di = ranges.Count - 1; di >= 0; di--)
            {
                var r = ranges[di];
                long end = r.Clock + r.Length;
                int si = structs.FindIndex(r.Clock);
                if (si < 0) continue;
                for (; si < structs.Count; si++)
                {
                    var s = structs[si];
                    if (s.Clock >= end) break;
                    if (s is Item item && item.IsDeleted && !item.Keep)
                    {
                        item.Gc(Store, false);
                    }
                }
            }
        }
    }

    private void TryMergeDeleteSet(DeleteSet ds)
    {
        foreach (var (client, ranges) in ds.Ranges)
        {
            if (!Store.Clients.TryGetValue(client, out var structs)) continue;
            for (int di = ranges.Count - 1; di >= 0; di--)
            {
                var r = ranges[di];
                int lastIdx = structs.FindIndex(r.Clock + r.Length - 1);
                if (lastIdx < 0) continue;
                int si = Math.Min(structs.Count - 1, 1 + lastIdx);
                while (si > 0 && structs[si].Clock >= r.Clock)
                {
                    si -= 1 + TryToMergeWithLefts(structs, si);
                }
            }
        }
    }

    internal static int TryToMergeWithLefts(StructList structs, int pos)
    {
        var right = structs[pos];
        int i = pos;
        for (; i > 0; i--)
        {
            var left = structs[i - 1];
            // Items (the usual case) without virtual calls: Item is sealed.
            bool canMerge = left is Item leftItem
                ? right is Item rightItem && leftItem.IsDeleted == rightItem.IsDeleted && leftItem.MergeWith(rightItem)
                : left.Deleted == right.Deleted && left.GetType() == right.GetType() && left.MergeWith(right);
            if (canMerge)
            {
                if (right is Item ri && ri.ParentSubKey is not null && ri.Parent is not null &&
                    ri.Parent.MapItems.TryGetValue(ri.ParentSubKey, out var cur) && cur == ri)
                {
                    ri.Parent.MapItems[ri.ParentSubKey] = (Item)left;
                }
                right = left;
                continue;
            }
            break;
        }
        int merged = pos - i;
        if (merged > 0) structs.RemoveRange(pos + 1 - merged, merged);
        return merged;
    }
}
