namespace ParisCoDraft.Crdt;

/// <summary>
/// The delete ranges of one client: a growable array of <see cref="DeleteRange"/>.
/// </summary>
/// <remarks>
/// Not a <c>List&lt;DeleteRange&gt;</c>: the methods of a framework generic over one of our value types are
/// not in any precompiled (ReadyToRun) image, so a process's first update would jit about fifteen of them.
/// </remarks>
internal sealed class DeleteRangeList
{
    private static readonly Comparer<DeleteRange> ClockOrder = Comparer<DeleteRange>.Create(static (a, b) => a.Clock.CompareTo(b.Clock));

    private DeleteRange[] _items;

    public DeleteRangeList(int capacity) => _items = capacity > 0 ? new DeleteRange[capacity] : [];

    public int Count { get; private set; }

    public DeleteRange this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _items[index];
        }
        set
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            _items[index] = value;
        }
    }

    public void Add(DeleteRange range)
    {
        if (Count == _items.Length) Grow(Math.Max(4, _items.Length * 2));
        _items[Count++] = range;
    }

    public void AddRange(DeleteRangeList other)
    {
        int n = other.Count;
        if (Count + n > _items.Length) Grow(Math.Max(Count + n, _items.Length * 2));
        Array.Copy(other._items, 0, _items, Count, n);
        Count += n;
    }

    /// <summary>Array.Resize is generic: its instantiation over DeleteRange would be jitted.</summary>
    private void Grow(int capacity)
    {
        var items = new DeleteRange[capacity];
        Array.Copy(_items, items, Count);
        _items = items;
    }

    /// <summary>Keeps the first <paramref name="count"/> ranges.</summary>
    public void Truncate(int count)
    {
        if ((uint)count > (uint)Count) throw new ArgumentOutOfRangeException(nameof(count));
        Count = count;
    }

    /// <summary>Sorts by clock (ranges of equal clock merge into the same result in any order).</summary>
    public void SortByClock()
    {
        var items = _items;
        if (Count > 32)
        {
            Array.Sort(items, 0, Count, ClockOrder);
            return;
        }
        // Insertion sort for the usual few ranges (no generic framework code to jit).
        for (int i = 1; i < Count; i++)
        {
            var v = items[i];
            int j = i - 1;
            while (j >= 0 && items[j].Clock > v.Clock)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = v;
        }
    }

    /// <summary>A copy of the ranges.</summary>
    public List<DeleteRange> ToList()
    {
        var list = new List<DeleteRange>(Count);
        for (int i = 0; i < Count; i++) list.Add(_items[i]);
        return list;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the ranges (a struct of this assembly, precompiled with it).</summary>
    public struct Enumerator(DeleteRangeList list)
    {
        private int _index = -1;

        public readonly DeleteRange Current => list._items[_index];

        public bool MoveNext() => ++_index < list.Count;
    }
}
