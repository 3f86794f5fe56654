using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>
/// Integrates decoded structs and delete sets into a document, keeping what cannot be applied yet as pending
/// (the same algorithm as yjs's integrateStructs / readAndApplyDeleteSet).
/// </summary>
internal static class UpdateIntegrator
{
    private sealed class Refs(List<AbstractStruct> list)
    {
        public List<AbstractStruct> List = list;
        public int I;
    }

    public static void Apply(Doc doc, DecodedUpdate update, object? origin)
    {
        CheckPendingBounds(doc, update);
        doc.Transact(tr =>
        {
            tr.Local = false;
            var store = doc.Store;
            var refs = new Dictionary<long, List<AbstractStruct>>(update.Clients.Length);
            foreach (var (client, list) in update.Clients) refs[client] = list;
            bool retry = false;
            var rest = IntegrateStructs(tr, store, refs, out var missing);
            if (store.PendingStructs is not null)
            {
                foreach (var (client, clock) in store.PendingMissing!)
                {
                    if (clock < store.GetState(client)) { retry = true; break; }
                }
                if (rest is not null)
                {
                    foreach (var (client, clock) in missing!)
                    {
                        if (!store.PendingMissing.TryGetValue(client, out var m) || m > clock) store.PendingMissing[client] = clock;
                    }
                    MergeInto(store.PendingStructs, rest);
                }
            }
            else if (rest is not null)
            {
                store.PendingStructs = new Dictionary<long, List<AbstractStruct>>();
                MergeInto(store.PendingStructs, rest);
                store.PendingMissing = missing;
            }

            if (store.PendingStructs is { Count: 0 }) { store.PendingStructs = null; store.PendingMissing = null; }
            var dsRest = ApplyDeleteSet(tr, store, update.DeleteSet);
            if (store.PendingDeleteSet is not null)
            {
                var dsRest2 = ApplyDeleteSet(tr, store, store.PendingDeleteSet);
                store.PendingDeleteSet = dsRest is not null && dsRest2 is not null ? DeleteSet.Merge([dsRest, dsRest2]) : dsRest ?? dsRest2;
            }
            else store.PendingDeleteSet = dsRest;

            while (retry)
            {
                retry = false;
                var pending = store.PendingStructs!;
                store.PendingStructs = null;
                store.PendingMissing = null;
                var rest2 = IntegrateStructs(tr, store, pending, out var missing2);
                if (rest2 is not null)
                {
                    store.PendingStructs = new Dictionary<long, List<AbstractStruct>>();
                    MergeInto(store.PendingStructs, rest2);
                    store.PendingMissing = missing2;
                    foreach (var (client, clock) in missing2!)
                    {
                        if (clock < store.GetState(client)) { retry = true; break; }
                    }
                }
                if (store.PendingStructs is { Count: 0 }) { store.PendingStructs = null; store.PendingMissing = null; }
                if (store.PendingDeleteSet is not null)
                {
                    store.PendingDeleteSet = ApplyDeleteSet(tr, store, store.PendingDeleteSet);
                }
            }
        }, origin, false);
    }

    private static void MergeInto(Dictionary<long, List<AbstractStruct>> target, Dictionary<long, List<AbstractStruct>> add)
    {
        foreach (var (client, list0) in add)
        {
            // Skips carry no content; they must never hide a real struct of another update.
            var list = list0.FindAll(s => s is not SkipStruct);
            if (list.Count == 0) continue;
            if (target.TryGetValue(client, out var existing))
            {
                existing.AddRange(list);
                var sorted = existing.OrderBy(s => s.Clock).ToList();
                // drop structs fully covered by an earlier one
                var dedup = new List<AbstractStruct>(sorted.Count);
                long end = -1;
                foreach (var s in sorted)
                {
                    if (s.Clock + s.Len <= end) continue;
                    dedup.Add(s);
                    end = Math.Max(end, s.Clock + s.Len);
                }
                target[client] = dedup;
            }
            else target[client] = list;
        }
    }

    internal static int PendingCount(StructStore store)
    {
        int n = 0;
        if (store.PendingStructs is not null) foreach (var l in store.PendingStructs.Values) n += l.Count;
        return n;
    }

    /// <summary>
    /// Pending bound rule: before applying, count the structs of this update that cannot be integrated now
    /// because their client's first clock is ahead of the document (a clock gap), or because they reference a
    /// client state that neither the document nor this update provides. If that count plus the structs already
    /// pending exceeds <see cref="DocOptions.MaxPendingStructs"/>, the update is rejected with
    /// <see cref="UpdateDecodeException"/> and nothing is applied. Delete ranges beyond the known clocks are
    /// bounded the same way by <see cref="DocOptions.MaxPendingDeleteRanges"/>.
    /// </summary>
    private static void CheckPendingBounds(Doc doc, DecodedUpdate update)
    {
        var store = doc.Store;
        var available = new ClientClockMap(update.Clients.Length);
        foreach (var (client, list) in update.Clients)
        {
            long state = store.GetState(client);
            if (list.Count > 0 && list[0].Clock <= state)
            {
                var last = list[^1];
                available.Set(client, Math.Max(state, last.Clock + last.Len));
            }
        }
        long Avail(long client) => available.TryGetValue(client, out var a) ? a : store.GetState(client);
        int pendingNew = 0;
        foreach (var (client, list) in update.Clients)
        {
            if (list.Count == 0) continue;
            if (list[0].Clock > store.GetState(client))
            {
                // yjs would fill such a gap with a skip as long as the gap; ours are int-sized, and no client
                // writes 2^31 items between two updates: a gap that wide is hostile input, refused before it is
                // kept pending (it would otherwise make every later encoding of the document fail).
                if (list[0].Clock - store.GetState(client) > Y.MaxClockGap)
                {
                    throw new UpdateDecodeException("Clock gap before the update's first struct is too large.");
                }
                pendingNew += list.Count;
                continue;
            }
            foreach (var s in list)
            {
                if (s is not Item it) continue;
                if ((it.OriginId is { } o && o.Client != client && o.Clock >= Avail(o.Client)) ||
                    (it.RightOriginId is { } ro && ro.Client != client && ro.Clock >= Avail(ro.Client)) ||
                    (it.ParentIdRef is { } p && p.Client != client && p.Clock >= Avail(p.Client)))
                {
                    pendingNew++;
                }
            }
        }
        if (pendingNew > 0 && PendingCount(store) + pendingNew > doc.Options.MaxPendingStructs)
        {
            throw new UpdateDecodeException($"Update would leave more than {doc.Options.MaxPendingStructs} structs pending.");
        }
        int pendingRanges = 0;
        foreach (var (client, ranges) in update.DeleteSet.Ranges)
        {
            long a = Avail(client);
            foreach (var r in ranges) if (r.Clock + r.Length > a) pendingRanges++;
        }
        if (pendingRanges > 0)
        {
            int existing = 0;
            if (store.PendingDeleteSet is not null) foreach (var l in store.PendingDeleteSet.Ranges.Values) existing += l.Count;
            if (existing + pendingRanges > doc.Options.MaxPendingDeleteRanges)
            {
                throw new UpdateDecodeException($"Update would leave more than {doc.Options.MaxPendingDeleteRanges} delete ranges pending.");
            }
        }
    }

    /// <summary>Integrates what it can; returns the structs that must wait (or null) and the missing clocks.</summary>
    private static Dictionary<long, List<AbstractStruct>>? IntegrateStructs(Transaction tr, StructStore store, Dictionary<long, List<AbstractStruct>> clientsStructRefs, out Dictionary<long, long>? missingSv)
    {
        missingSv = null;
        var structRefs = new Dictionary<long, Refs>(clientsStructRefs.Count);
        // Client ids in ascending order, consumed from the end (highest client first, as yjs does); an array
        // rather than a List<long>, whose methods would be jitted on the first load of a process.
        var ids = new long[clientsStructRefs.Count];
        int idCount = 0;
        foreach (var (c, l) in clientsStructRefs)
        {
            structRefs[c] = new Refs(l);
            ids[idCount++] = c;
        }
        SortClients(ids, idCount);
        if (idCount == 0) return null;
        var stack = new List<AbstractStruct>();

        Refs? GetNextTarget()
        {
            if (idCount == 0) return null;
            var next = structRefs[ids[idCount - 1]];
            while (next.List.Count == next.I)
            {
                idCount--;
                if (idCount > 0) next = structRefs[ids[idCount - 1]];
                else return null;
            }
            return next;
        }

        var cur = GetNextTarget();
        if (cur is null) return null;
        Dictionary<long, List<AbstractStruct>>? rest = null;
        Dictionary<long, long>? missing = null;
        void UpdateMissing(long client, long clock)
        {
            missing ??= new Dictionary<long, long>();
            if (!missing.TryGetValue(client, out var m) || m > clock) missing[client] = clock;
        }
        var state = new ClientClockMap(idCount);
        var head = cur.List[cur.I++];

        void AddStackToRest()
        {
            rest ??= new Dictionary<long, List<AbstractStruct>>();
            foreach (var item in stack)
            {
                long client = item.Client;
                if (structRefs.TryGetValue(client, out var inapplicable))
                {
                    inapplicable.I--;
                    rest[client] = inapplicable.List.GetRange(inapplicable.I, inapplicable.List.Count - inapplicable.I);
                    structRefs.Remove(client);
                    inapplicable.I = 0;
                    inapplicable.List = new List<AbstractStruct>();
                }
                else
                {
                    rest[client] = [item];
                }
                int at = Array.IndexOf(ids, client, 0, idCount);
                if (at >= 0)
                {
                    Array.Copy(ids, at + 1, ids, at, idCount - at - 1);
                    idCount--;
                }
            }
            stack.Clear();
        }

        while (true)
        {
            if (head is not SkipStruct)
            {
                if (!state.TryGetValue(head.Client, out long localClock))
                {
                    localClock = store.GetState(head.Client);
                    state.Set(head.Client, localClock);
                }
                long offset = localClock - head.Clock;
                if (offset < 0)
                {
                    stack.Add(head);
                    UpdateMissing(head.Client, head.Clock - 1);
                    AddStackToRest();
                }
                else
                {
                    long? missingClient = head.GetMissing(tr, store);
                    if (missingClient is { } mc)
                    {
                        stack.Add(head);
                        if (!structRefs.TryGetValue(mc, out var r) || r.List.Count == r.I)
                        {
                            UpdateMissing(mc, store.GetState(mc));
                            AddStackToRest();
                        }
                        else
                        {
                            head = r.List[r.I++];
                            continue;
                        }
                    }
                    else if (offset == 0 || offset < head.Len)
                    {
                        head.Integrate(tr, (int)offset);
                        state.Set(head.Client, head.Clock + head.Len);
                    }
                }
            }
            if (stack.Count > 0)
            {
                head = stack[^1];
                stack.RemoveAt(stack.Count - 1);
            }
            else if (cur is not null && cur.I < cur.List.Count)
            {
                head = cur.List[cur.I++];
            }
            else
            {
                cur = GetNextTarget();
                if (cur is null) break;
                head = cur.List[cur.I++];
            }
        }
        missingSv = missing;
        return rest;
    }

    /// <summary>Ascending sort of the first <paramref name="count"/> ids (insertion sort: an update names few clients).</summary>
    private static void SortClients(long[] ids, int count)
    {
        if (count > 32)
        {
            Array.Sort(ids, 0, count);
            return;
        }
        for (int i = 1; i < count; i++)
        {
            long v = ids[i];
            int j = i - 1;
            while (j >= 0 && ids[j] > v)
            {
                ids[j + 1] = ids[j];
                j--;
            }
            ids[j + 1] = v;
        }
    }

    /// <summary>Applies deletions of known clocks; returns the ranges that refer to clocks not received yet.</summary>
    internal static DeleteSet? ApplyDeleteSet(Transaction tr, StructStore store, DeleteSet ds)
    {
        DeleteSet? unapplied = null;
        foreach (var (client, ranges) in ds.Ranges)
        {
            store.Clients.TryGetValue(client, out var structs);
            long state = store.GetState(client);
            foreach (var range in ranges)
            {
                long clock = range.Clock;
                long clockEnd = clock + range.Length;
                if (clock < state)
                {
                    if (state < clockEnd) (unapplied ??= new DeleteSet()).Add(client, state, clockEnd - state);
                    int index = structs!.FindIndex(clock);
                    var s = structs[index];
                    if (!s.Deleted && s.Clock < clock && s is Item si)
                    {
                        structs.Insert(index + 1, si.Split(tr, (int)(clock - s.Clock)));
                        index++;
                    }
                    while (index < structs.Count)
                    {
                        s = structs[index++];
                        if (s.Clock < clockEnd)
                        {
                            if (!s.Deleted && s is Item item)
                            {
                                if (clockEnd < s.Clock + s.Len)
                                {
                                    structs.Insert(index, item.Split(tr, (int)(clockEnd - s.Clock)));
                                }
                                item.Delete(tr);
                            }
                        }
                        else break;
                    }
                }
                else (unapplied ??= new DeleteSet()).Add(client, clock, clockEnd - clock);
            }
        }
        unapplied?.SortAndMerge();
        return unapplied;
    }
}
