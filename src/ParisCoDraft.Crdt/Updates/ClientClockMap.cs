namespace ParisCoDraft.Crdt;

/// <summary>
/// Client id → clock, for the per-update bookkeeping of <see cref="UpdateIntegrator"/> (open addressing,
/// linear probing). A plain class of this assembly rather than <c>Dictionary&lt;long, long&gt;</c>: that
/// instantiation is not precompiled anywhere, so the first load of a process would JIT a dozen
/// <c>Dictionary</c> methods; this one is compiled ahead of time with the rest of the assembly (ReadyToRun).
/// </summary>
internal sealed class ClientClockMap
{
    private long[] _keys;
    private long[] _values;
    private bool[] _used;
    private int _count;

    public ClientClockMap(int capacity = 4)
    {
        int size = 8;
        while (size < capacity * 2) size <<= 1;
        _keys = new long[size];
        _values = new long[size];
        _used = new bool[size];
    }

    public int Count => _count;

    public bool TryGetValue(long client, out long clock)
    {
        int mask = _keys.Length - 1;
        for (int i = Slot(client, mask); _used[i]; i = (i + 1) & mask)
        {
            if (_keys[i] == client)
            {
                clock = _values[i];
                return true;
            }
        }
        clock = 0;
        return false;
    }

    public void Set(long client, long clock)
    {
        int mask = _keys.Length - 1;
        int i = Slot(client, mask);
        for (; _used[i]; i = (i + 1) & mask)
        {
            if (_keys[i] == client)
            {
                _values[i] = clock;
                return;
            }
        }
        _used[i] = true;
        _keys[i] = client;
        _values[i] = clock;
        if (++_count * 2 > _keys.Length) Grow();
    }

    private static int Slot(long client, int mask)
    {
        // Fibonacci hashing: the multiplication and the narrowing are meant to wrap (Debug builds check overflow).
        unchecked
        {
            ulong h = (ulong)client * 0x9E3779B97F4A7C15UL;
            return (int)(h >> 32) & mask;
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var used = _used;
        _keys = new long[keys.Length * 2];
        _values = new long[keys.Length * 2];
        _used = new bool[keys.Length * 2];
        _count = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (used[i]) Set(keys[i], values[i]);
        }
    }
}
