namespace ParisCoDraft.Crdt;

/// <summary>A shared map with last-writer-wins keys (type ref 1).</summary>
public sealed class YMap : AbstractType
{
    private Dictionary<string, object?>? _prelim;

    /// <summary>Creates a preliminary map.</summary>
    public YMap() { }

    /// <summary>Creates a preliminary map with entries.</summary>
    public YMap(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        foreach (var (k, v) in entries) Set(k, v);
    }

    internal override int TypeRef => 1;

    internal override AbstractType CopyEmpty() => new YMap();

    internal override void IntegrateInto(Doc doc, Item? item)
    {
        base.IntegrateInto(doc, item);
        var prelim = _prelim;
        _prelim = null;
        if (prelim is not null) foreach (var (k, v) in prelim) Set(k, v);
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> (any value, byte[] or a preliminary shared type).</summary>
    public T Set<T>(string key, T value)
    {
        if (DocRef is null)
        {
            (_prelim ??= new Dictionary<string, object?>())[key] = value;
            return value;
        }
        DocRef.Transact(tr => MapSet(tr, key, value));
        return value;
    }

    /// <summary>Value of <paramref name="key"/>, or null.</summary>
    public object? Get(string key)
    {
        if (DocRef is null) return _prelim is not null && _prelim.TryGetValue(key, out var v) ? v : null;
        return MapGet(key);
    }

    /// <summary>Deletes <paramref name="key"/>.</summary>
    public void Delete(string key)
    {
        if (DocRef is null)
        {
            _prelim?.Remove(key);
            return;
        }
        DocRef.Transact(tr => MapDelete(tr, key));
    }

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(string key) => DocRef is null ? _prelim?.ContainsKey(key) ?? false : MapHas(key);

    /// <summary>Number of keys.</summary>
    public int Count
    {
        get
        {
            if (DocRef is null) return _prelim?.Count ?? 0;
            int n = 0;
            foreach (var v in MapItems.Values) if (!v.IsDeleted) n++;
            return n;
        }
    }

    /// <summary>Present keys.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            if (DocRef is null) return _prelim?.Keys.ToList() ?? new List<string>();
            var keys = new List<string>();
            foreach (var (k, v) in MapItems) if (!v.IsDeleted) keys.Add(k);
            return keys;
        }
    }

    /// <summary>Present entries.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Entries
    {
        get
        {
            if (DocRef is null) return _prelim?.ToList() ?? new List<KeyValuePair<string, object?>>();
            var list = new List<KeyValuePair<string, object?>>();
            foreach (var (k, v) in MapItems) if (!v.IsDeleted) list.Add(new(k, LastValue(v)));
            return list;
        }
    }

    /// <summary>Removes every key.</summary>
    public void Clear()
    {
        if (DocRef is null) { _prelim?.Clear(); return; }
        DocRef.Transact(tr =>
        {
            foreach (var k in Keys.ToList()) MapDelete(tr, k);
        });
    }

    /// <summary>The value of <paramref name="key"/> as of <paramref name="snapshot"/> (null when absent).</summary>
    public object? Get(string key, Snapshot snapshot) => MapTryGet(key, snapshot, out var v) ? v : null;

    /// <summary>All entries as of <paramref name="snapshot"/>.</summary>
    public IReadOnlyDictionary<string, object?> ToDictionary(Snapshot snapshot) => MapGetAll(snapshot);

    /// <inheritdoc />
    public override object? ToJson()
    {
        var dict = new Dictionary<string, object?>();
        foreach (var (k, v) in Entries) dict[k] = ValueToJson(v);
        return dict;
    }
}
