namespace ParisCoDraft.Crdt;

/// <summary>The structs of one client, sorted by clock and contiguous.</summary>
internal sealed class StructList
{
    public AbstractStruct[] Items = new AbstractStruct[4];
    public int Count;

    public AbstractStruct this[int i]
    {
        get => Items[i];
        set => Items[i] = value;
    }

    public AbstractStruct Last => Items[Count - 1];

    public void Add(AbstractStruct s)
    {
        if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[Count++] = s;
    }

    public void Insert(int index, AbstractStruct s)
    {
        if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        if (index < Count) Array.Copy(Items, index, Items, index + 1, Count - index);
        Items[index] = s;
        Count++;
    }

    public void RemoveRange(int index, int n)
    {
        if (n <= 0) return;
        Array.Copy(Items, index + n, Items, index, Count - index - n);
        Count -= n;
        Array.Clear(Items, Count, n);
    }

    /// <summary>Index of the struct containing <paramref name="clock"/>, or -1.</summary>
    public int FindIndex(long clock)
    {
        int left = 0;
        int right = Count - 1;
        if (right < 0) return -1;
        var mid = Items[right];
        long midClock = mid.Clock;
        if (midClock == clock) return right;
        if (clock >= midClock + mid.Len || clock < 0) return -1;
        // pivot: clocks are roughly uniformly distributed over the structs
        long total = midClock + mid.Len;
        int midIndex = total > 0 ? (int)Math.Min(right, (long)((double)clock / total * right)) : 0;
        while (left <= right)
        {
            mid = Items[midIndex];
            midClock = mid.Clock;
            if (midClock <= clock)
            {
                if (clock < midClock + mid.Len) return midIndex;
                left = midIndex + 1;
            }
            else right = midIndex - 1;
            midIndex = (left + right) >> 1;
        }
        return -1;
    }
}
