using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>
/// The structs of one client, sorted by clock and contiguous, addressed by index.
/// Stored as a list of chunks of at most <see cref="ChunkSize"/> structs, so that a split in the middle
/// of a long history (typing inside old text) or a merge shifts at most one chunk instead of the whole
/// array (yjs splices one flat array; in .NET that flat array also lives in the large object heap, and
/// every shift dirties its GC cards, which makes each following gen0 collection rescan it).
/// </summary>
internal sealed class StructList
{
    /// <summary>Largest chunk; a full chunk splits in two halves on insert.</summary>
    internal const int ChunkSize = 512;

    private Chunk[] _chunks = [new Chunk(4)];
    private int _chunkCount = 1;
    /// <summary>Index of the chunk last located (sequential access and repeated lookups stay O(1)).</summary>
    private int _hint;

    private sealed class Chunk(int capacity)
    {
        public AbstractStruct[] Items = new AbstractStruct[capacity];
        public int Count;
        /// <summary>Global index of <c>Items[0]</c>.</summary>
        public int Start;
    }

    public int Count { get; private set; }

    /// <summary>The client whose structs these are.</summary>
    public long Client { get; init; }

    /// <summary>Index of this list in <see cref="StructStore.Ordered"/>.</summary>
    public int Ordinal { get; init; }

    public AbstractStruct this[int i]
    {
        get
        {
            var ch = _chunks[Locate(i)];
            return ch.Items[i - ch.Start];
        }
        set
        {
            var ch = _chunks[Locate(i)];
            ch.Items[i - ch.Start] = value;
        }
    }

    public AbstractStruct Last
    {
        get
        {
            var ch = _chunks[_chunkCount - 1];
            return ch.Items[ch.Count - 1];
        }
    }

    public void Add(AbstractStruct s)
    {
        var ch = _chunks[_chunkCount - 1];
        if (ch.Count == ChunkSize)
        {
            ch = new Chunk(ChunkSize) { Start = Count };
            InsertChunk(_chunkCount, ch);
        }
        else if (ch.Count == ch.Items.Length)
        {
            Array.Resize(ref ch.Items, Math.Min(ChunkSize, ch.Items.Length * 2));
        }
        ch.Items[ch.Count++] = s;
        Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int index, AbstractStruct s)
    {
        if (index == Count)
        {
            Add(s);
            return;
        }
        int c = Locate(index);
        var ch = _chunks[c];
        int local = index - ch.Start;
        if (ch.Count == ChunkSize)
        {
            // split the full chunk in two halves
            const int half = ChunkSize / 2;
            var right = new Chunk(ChunkSize) { Start = ch.Start + half, Count = ch.Count - half };
            Array.Copy(ch.Items, half, right.Items, 0, right.Count);
            Array.Clear(ch.Items, half, right.Count);
            ch.Count = half;
            InsertChunk(c + 1, right);
            if (local > half)
            {
                c++;
                ch = right;
                local -= half;
            }
        }
        else if (ch.Count == ch.Items.Length)
        {
            Array.Resize(ref ch.Items, Math.Min(ChunkSize, ch.Items.Length * 2));
        }
        if (local < ch.Count) Array.Copy(ch.Items, local, ch.Items, local + 1, ch.Count - local);
        ch.Items[local] = s;
        ch.Count++;
        Count++;
        var chunks = _chunks;
        for (int k = c + 1; k < _chunkCount; k++) chunks[k].Start++;
        _hint = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveRange(int index, int n)
    {
        while (n > 0)
        {
            int c = Locate(index);
            var ch = _chunks[c];
            int local = index - ch.Start;
            int take = Math.Min(n, ch.Count - local);
            int tail = ch.Count - local - take;
            if (tail > 0) Array.Copy(ch.Items, local + take, ch.Items, local, tail);
            ch.Count -= take;
            Array.Clear(ch.Items, ch.Count, take);
            Count -= take;
            n -= take;
            var chunks = _chunks;
            for (int k = c + 1; k < _chunkCount; k++) chunks[k].Start -= take;
            if (ch.Count == 0 && _chunkCount > 1)
            {
                RemoveChunk(c);
            }
            else if (c + 1 < _chunkCount && ch.Count + chunks[c + 1].Count <= ChunkSize / 2)
            {
                // keep chunks from fragmenting: fold the next small chunk into this one
                var next = chunks[c + 1];
                if (ch.Items.Length < ch.Count + next.Count) Array.Resize(ref ch.Items, ChunkSize);
                Array.Copy(next.Items, 0, ch.Items, ch.Count, next.Count);
                ch.Count += next.Count;
                RemoveChunk(c + 1);
            }
        }
    }

    /// <summary>Index of the struct containing <paramref name="clock"/>, or -1.</summary>
    public int FindIndex(long clock)
    {
        if (Count == 0 || clock < 0) return -1;
        var lastChunk = _chunks[_chunkCount - 1];
        var last = lastChunk.Items[lastChunk.Count - 1];
        if (clock >= last.Clock + last.Len) return -1;
        if (last.Clock <= clock)
        {
            _hint = _chunkCount - 1;
            return Count - 1;
        }
        int c = FindChunk(clock);
        _hint = c;
        var ch = _chunks[c];
        var items = ch.Items;
        int left = 0;
        int right = ch.Count - 1;
        var mid = items[right];
        long midClock = mid.Clock;
        if (midClock <= clock)
        {
            return clock < midClock + mid.Len ? ch.Start + right : -1;
        }
        // pivot: clocks are roughly uniformly distributed over the structs
        long first = items[0].Clock;
        long span = midClock + mid.Len - first;
        int midIndex = span > 0 ? (int)Math.Min(right, (long)((double)(clock - first) / span * right)) : 0;
        while (left <= right)
        {
            mid = items[midIndex];
            midClock = mid.Clock;
            if (midClock <= clock)
            {
                if (clock < midClock + mid.Len) return ch.Start + midIndex;
                left = midIndex + 1;
            }
            else right = midIndex - 1;
            midIndex = (left + right) >> 1;
        }
        return -1;
    }

    /// <summary>The chunk whose first clock is the largest one &lt;= <paramref name="clock"/>.</summary>
    private int FindChunk(long clock)
    {
        var chunks = _chunks;
        int h = _hint;
        if (h < _chunkCount)
        {
            var ch = chunks[h];
            if (ch.Count > 0 && ch.Items[0].Clock <= clock)
            {
                if (h + 1 == _chunkCount || chunks[h + 1].Items[0].Clock > clock) return h;
            }
        }
        int lo = 0;
        int hi = _chunkCount - 1;
        while (lo < hi)
        {
            int m = (lo + hi + 1) >> 1;
            if (chunks[m].Items[0].Clock <= clock) lo = m;
            else hi = m - 1;
        }
        return lo;
    }

    /// <summary>The chunk holding global index <paramref name="index"/> (the last chunk for index == Count).</summary>
    private int Locate(int index)
    {
        var chunks = _chunks;
        int h = _hint;
        if (h < _chunkCount)
        {
            var ch = chunks[h];
            if (unchecked((uint)(index - ch.Start)) < (uint)ch.Count) return h;
            if (h + 1 < _chunkCount)
            {
                var next = chunks[h + 1];
                if (unchecked((uint)(index - next.Start)) < (uint)next.Count) return _hint = h + 1;
            }
        }
        if (unchecked((uint)index) >= (uint)Count)
        {
            if (index == Count) return _hint = _chunkCount - 1;
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        int lo = 0;
        int hi = _chunkCount - 1;
        while (lo < hi)
        {
            int m = (lo + hi + 1) >> 1;
            if (chunks[m].Start <= index) lo = m;
            else hi = m - 1;
        }
        // skip empty chunks (only the single chunk of an empty list can be empty)
        return _hint = lo;
    }

    private void InsertChunk(int at, Chunk chunk)
    {
        if (_chunkCount == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
        if (at < _chunkCount) Array.Copy(_chunks, at, _chunks, at + 1, _chunkCount - at);
        _chunks[at] = chunk;
        _chunkCount++;
    }

    private void RemoveChunk(int at)
    {
        _chunkCount--;
        if (at < _chunkCount) Array.Copy(_chunks, at + 1, _chunks, at, _chunkCount - at);
        _chunks[_chunkCount] = null!;
        if (_hint >= _chunkCount) _hint = _chunkCount - 1;
    }
}
