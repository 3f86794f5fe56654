using System.Diagnostics;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Update-level operations that never load a document: merge, diff, state vector (yjs algorithms).</summary>
internal static class UpdateMerger
{
    private sealed class Cursor
    {
        private readonly KeyValuePair<long, List<AbstractStruct>>[] _clients;
        private readonly bool _filterSkips;
        private int _c;
        private int _i = -1;

        public Cursor(KeyValuePair<long, List<AbstractStruct>>[] clients, bool filterSkips)
        {
            _clients = clients;
            _filterSkips = filterSkips;
            Next();
        }

        public AbstractStruct? Curr { get; private set; }

        public AbstractStruct? Next()
        {
            do
            {
                _i++;
                while (_c < _clients.Length && _i >= _clients[_c].Value.Count)
                {
                    _c++;
                    _i = 0;
                }
                Curr = _c < _clients.Length ? _clients[_c].Value[_i] : null;
            } while (_filterSkips && Curr is SkipStruct);
            return Curr;
        }
    }

    private sealed class LazyWriter
    {
        private readonly List<(int Written, byte[] Bytes)> _parts = new();
        private Lib0Writer _rest = new();
        private long _currClient;
        private int _written;
#if DEBUG
        // Every client once per update: the decoder (ours, and any strict one) refuses a client twice, and yjs's
        // reader would keep only its last section.
        private readonly HashSet<long> _started = new();
#endif

        public void Write(AbstractStruct s, int offset)
        {
            if (_written > 0 && _currClient != s.Client) Flush();
            if (_written == 0)
            {
#if DEBUG
                Debug.Assert(_started.Add(s.Client), $"client {s.Client} written twice in one update");
#endif
                _currClient = s.Client;
                _rest.WriteVarUint((ulong)s.Client);
                _rest.WriteVarUint((ulong)(s.Clock + offset));
            }
            s.Write(_rest, offset);
            _written++;
        }

        private void Flush()
        {
            if (_written > 0)
            {
                _parts.Add((_written, _rest.ToArray()));
                _rest.Clear();
                _written = 0;
            }
        }

        public void Finish(Lib0Writer output)
        {
            Flush();
            _rest.Dispose();
            output.WriteVarUint((ulong)_parts.Count);
            foreach (var (written, bytes) in _parts)
            {
                output.WriteVarUint((ulong)written);
                output.WriteBytes(bytes);
            }
        }
    }

    public static byte[] WriteLists(List<KeyValuePair<long, List<AbstractStruct>>> lists, DeleteSet ds)
    {
        using var w = new Lib0Writer();
        var lazy = new LazyWriter();
        foreach (var (client, structs) in lists)
        {
            long next = -1;
            foreach (var s in structs)
            {
                if (s is SkipStruct) continue;
                if (next >= 0 && s.Clock + s.Len <= next) continue;
                if (next >= 0 && s.Clock > next) lazy.Write(new SkipStruct(client, next, SkipLength(s.Clock - next)), 0);
                int offset = next > s.Clock ? (int)(next - s.Clock) : 0;
                lazy.Write(s, offset);
                next = s.Clock + s.Len;
            }
        }
        lazy.Finish(w);
        ds.Write(w);
        return w.ToArray();
    }

    private static AbstractStruct Slice(AbstractStruct left, int diff)
    {
        switch (left)
        {
            case GcStruct:
                return new GcStruct(left.Client, left.Clock + diff, left.Len - diff);
            case SkipStruct:
                return new SkipStruct(left.Client, left.Clock + diff, left.Len - diff);
            default:
                {
                    var it = (Item)left;
                    return new Item(it.Client, it.Clock + diff, null, new Id(it.Client, it.Clock + diff - 1), null, it.RightOriginId, null, it.ParentSubKey, it.Content.Splice(diff))
                    {
                        ParentName = it.ParentName,
                        ParentIdRef = it.ParentIdRef,
                    };
                }
        }
    }

    public static byte[] Merge(IReadOnlyList<byte[]> updates)
    {
        if (updates.Count == 1) return updates[0];
        var decoded = new List<DecodedUpdate>(updates.Count);
        foreach (var u in updates)
        {
            var d = UpdateDecoder.Decode(u);
            SortClientsDescending(d.Clients);
            decoded.Add(d);
        }
        var cursors = new List<Cursor>(decoded.Count);
        foreach (var d in decoded) cursors.Add(new Cursor(d.Clients, true));
        using var output = new Lib0Writer();
        var lazy = new LazyWriter();
        AbstractStruct? currWrite = null;
        int currOffset = 0;
        while (true)
        {
            cursors.RemoveAll(c => c.Curr is null);
            SortCursors(cursors);
            if (cursors.Count == 0) break;
            var currDecoder = cursors[0];
            long firstClient = currDecoder.Curr!.Client;
            if (currWrite is not null)
            {
                var curr = currDecoder.Curr;
                bool iterated = false;
                while (curr is not null && curr.Clock + curr.Len <= currWrite.Clock + currWrite.Len && curr.Client >= currWrite.Client)
                {
                    curr = currDecoder.Next();
                    iterated = true;
                }
                if (curr is null || curr.Client != firstClient || (iterated && curr.Clock > currWrite.Clock + currWrite.Len))
                {
                    continue;
                }
                if (firstClient != currWrite.Client)
                {
                    lazy.Write(currWrite, currOffset);
                    currWrite = curr;
                    currOffset = 0;
                    currDecoder.Next();
                }
                else if (currWrite.Clock + currWrite.Len < curr.Clock)
                {
                    if (currWrite is SkipStruct)
                    {
                        currWrite.Len = SkipLength(curr.Clock + curr.Len - currWrite.Clock);
                    }
                    else
                    {
                        lazy.Write(currWrite, currOffset);
                        long diff = curr.Clock - currWrite.Clock - currWrite.Len;
                        currWrite = new SkipStruct(firstClient, currWrite.Clock + currWrite.Len, SkipLength(diff));
                        currOffset = 0;
                    }
                }
                else
                {
                    long diff = currWrite.Clock + currWrite.Len - curr.Clock;
                    if (diff > 0)
                    {
                        if (currWrite is SkipStruct) currWrite.Len -= (int)diff;
                        else curr = Slice(curr, (int)diff);
                    }
                    if (!(currWrite.GetType() == curr.GetType() && currWrite is not Item && currWrite.MergeWith(curr)))
                    {
                        lazy.Write(currWrite, currOffset);
                        currWrite = curr;
                        currOffset = 0;
                        currDecoder.Next();
                    }
                }
            }
            else
            {
                currWrite = currDecoder.Curr;
                currOffset = 0;
                currDecoder.Next();
            }
            for (var next = currDecoder.Curr;
                 next is not null && next.Client == firstClient && next.Clock == currWrite!.Clock + currWrite.Len && next is not SkipStruct;
                 next = currDecoder.Next())
            {
                lazy.Write(currWrite, currOffset);
                currWrite = next;
                currOffset = 0;
            }
        }
        if (currWrite is not null) lazy.Write(currWrite, currOffset);
        lazy.Finish(output);
        var dss = new List<DeleteSet>(decoded.Count);
        foreach (var d in decoded) dss.Add(d.DeleteSet);
        DeleteSet.Merge(dss).Write(output);
        return output.ToArray();
    }

    /// <summary>
    /// Higher clients first, then lower clocks, as yjs sorts its decoders, and with the same algorithm as V8's
    /// Array.prototype.sort for fewer than 64 elements (TimSort: the first run, reversed if strictly descending,
    /// then binary insertion), so that ties and the comparator's one inconsistency fall as in yjs under node and
    /// Chromium. Ties: when two inputs hold the same struct (one of them, say, with deleted content), the sort is
    /// stable and the one met first is kept; an unstable sort picked either. Inconsistency: a GC struct and an
    /// item at the same clock each compare before the other, so which one is written depends on the engine's
    /// algorithm (with two inputs V8 takes the second). From 64 inputs on, V8 merges runs; binary insertion gives
    /// the same order whenever the comparator is consistent.
    /// </summary>
    private static void SortCursors(List<Cursor> cursors)
    {
        int n = cursors.Count;
        if (n < 2) return;
        int run = 2;
        bool descending = CompareCursors(cursors[1], cursors[0]) < 0;
        for (int i = 2; i < n; i++)
        {
            int order = CompareCursors(cursors[i], cursors[i - 1]);
            if (descending ? order >= 0 : order < 0) break;
            run++;
        }
        if (descending) cursors.Reverse(0, run);
        for (int start = run; start < n; start++)
        {
            var pivot = cursors[start];
            int left = 0;
            int right = start;
            while (left < right)
            {
                int mid = left + ((right - left) >> 1);
                if (CompareCursors(pivot, cursors[mid]) < 0) right = mid;
                else left = mid + 1;
            }
            for (int p = start; p > left; p--) cursors[p] = cursors[p - 1];
            cursors[left] = pivot;
        }
    }

    private static int CompareCursors(Cursor d1, Cursor d2)
    {
        var a = d1.Curr!;
        var b = d2.Curr!;
        if (a.Client == b.Client)
        {
            long clockDiff = a.Clock - b.Clock;
            if (clockDiff == 0)
            {
                return a.GetType() == b.GetType() ? 0 : a is SkipStruct ? 1 : -1;
            }
            return clockDiff < 0 ? -1 : 1;
        }
        return b.Client.CompareTo(a.Client);
    }

    public static byte[] Diff(ReadOnlySpan<byte> update, ReadOnlySpan<byte> sv)
    {
        var state = StateVectors.Decode(sv);
        var decoded = UpdateDecoder.Decode(update);
        using var output = new Lib0Writer();
        var lazy = new LazyWriter();
        var reader = new Cursor(decoded.Clients, false);
        while (reader.Curr is not null)
        {
            var curr = reader.Curr;
            long client = curr.Client;
            long svClock = state.TryGetValue(client, out var c) ? c : 0;
            if (curr is SkipStruct)
            {
                reader.Next();
                continue;
            }
            if (curr.Clock + curr.Len > svClock)
            {
                lazy.Write(curr, (int)Math.Max(svClock - curr.Clock, 0));
                reader.Next();
                while (reader.Curr is not null && reader.Curr.Client == client)
                {
                    lazy.Write(reader.Curr, 0);
                    reader.Next();
                }
            }
            else
            {
                while (reader.Curr is not null && reader.Curr.Client == client && reader.Curr.Clock + reader.Curr.Len <= svClock) reader.Next();
            }
        }
        lazy.Finish(output);
        var ds = decoded.DeleteSet;
        ds.SortAndMerge();
        ds.Write(output);
        return output.ToArray();
    }

    public static byte[] StateVectorFromUpdate(ReadOnlySpan<byte> update)
    {
        var decoded = UpdateDecoder.Decode(update);
        var reader = new Cursor(decoded.Clients, false);
        using var body = new Lib0Writer();
        var curr = reader.Curr;
        int size = 0;
        if (curr is not null)
        {
            long currClient = curr.Client;
            bool stop = curr.Clock != 0;
            long currClock = stop ? 0 : curr.Clock + curr.Len;
            for (; curr is not null; curr = reader.Next())
            {
                if (currClient != curr.Client)
                {
                    if (currClock != 0)
                    {
                        size++;
                        body.WriteVarUint((ulong)currClient);
                        body.WriteVarUint((ulong)currClock);
                    }
                    currClient = curr.Client;
                    currClock = 0;
                    stop = curr.Clock != 0;
                }
                if (curr is SkipStruct) stop = true;
                if (!stop) currClock = curr.Clock + curr.Len;
            }
            if (currClock != 0)
            {
                size++;
                body.WriteVarUint((ulong)currClient);
                body.WriteVarUint((ulong)currClock);
            }
        }
        using var w = new Lib0Writer();
        w.WriteVarUint((ulong)size);
        w.WriteBytes(body.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>
    /// Puts an update's clients in descending order, as yjs writes them (a no-op then). The merge below joins the
    /// sections of one client only when every input lists its clients that way: with another order (valid to
    /// the decoder, and what the pending part of an encoded state used to be) it wrote a client twice, or took
    /// the structs of a higher client for already written and dropped them. yjs's mergeUpdates has the same
    /// limit; any order from the wire is sorted here so that a relay never forwards such an update.
    /// </summary>
    internal static void SortClientsDescending(KeyValuePair<long, List<AbstractStruct>>[] clients)
    {
        int sorted = 1;
        while (sorted < clients.Length && clients[sorted - 1].Key > clients[sorted].Key) sorted++;
        if (sorted >= clients.Length) return;
        // Client ids are unique within an update (the decoder refuses one twice): any sort gives the same order.
        Array.Sort(clients, static (x, y) => y.Key.CompareTo(x.Key));
    }

    /// <summary>A gap between merged structs as a skip length; a gap beyond a struct length is hostile input.</summary>
    private static int SkipLength(long gap) =>
        gap is >= 0 and <= int.MaxValue ? (int)gap : throw new UpdateDecodeException("Clock gap between merged updates is too large.");
}
