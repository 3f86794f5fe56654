using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>An insertion-ordered map with JavaScript Map semantics (delete then set moves a key to the end).</summary>
internal sealed class AttrMap
{
    private static readonly List<KeyValuePair<string, object?>> Empty = new();

    // Allocated on first write: most text positions carry no formatting.
    private List<KeyValuePair<string, object?>> _entries = Empty;

    public int Count => _entries.Count;

    public IReadOnlyList<KeyValuePair<string, object?>> Entries => _entries;

    public bool TryGet(string key, out object? value)
    {
        if (_entries.Count == 0)
        {
            value = null;
            return false;
        }
        foreach (var e in _entries)
        {
            if (e.Key == key) { value = e.Value; return true; }
        }
        value = null;
        return false;
    }

    public object? GetOrNull(string key) => TryGet(key, out var v) ? v : null;

    public bool Has(string key) => TryGet(key, out _);

    public void Set(string key, object? value)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key) { _entries[i] = new(key, value); return; }
        }
        if (ReferenceEquals(_entries, Empty)) _entries = new List<KeyValuePair<string, object?>>(2);
        _entries.Add(new(key, value));
    }

    public void Remove(string key)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key) { _entries.RemoveAt(i); return; }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AttrMap Copy()
    {
        var m = new AttrMap();
        if (_entries.Count > 0) m._entries = new List<KeyValuePair<string, object?>>(_entries);
        return m;
    }

    public Dictionary<string, object?> ToDictionary(bool skipNull = false)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in _entries) if (!skipNull || v is not null) d[k] = v;
        return d;
    }

    public static AttrMap From(IDictionary<string, object?>? dict)
    {
        var m = new AttrMap();
        if (dict is null || dict.Count == 0) return m;
        foreach (var k in Encoding.JsObjectOrder.Keys(dict)) m.Set(k, AbstractType.NormalizeAny(dict[k]));
        return m;
    }
}
