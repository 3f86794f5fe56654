using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Base of all shared types: a list of items (<see cref="Start"/>) and/or a map of items by key.</summary>
public abstract partial class AbstractType
{
    internal Item? ItemRef;
    internal Item? Start;
    internal Dictionary<string, Item> MapItems = new();
    internal int LengthCore;
    internal Doc? DocRef;
    internal string? RootName;
    internal List<SearchMarker>? SearchMarkers;
    internal bool HasFormatting;
    internal List<Action<YEvent, Transaction>>? Observers;
    internal List<Action<IReadOnlyList<YEvent>, Transaction>>? DeepObservers;
    internal List<Action>? Pending;

    /// <summary>The document this type is integrated in (null for a preliminary type).</summary>
    public Doc? Doc => DocRef;

    /// <summary>The item holding this type (null for a root type or a preliminary type).</summary>
    public Item? Item => ItemRef;

    /// <summary>The root name of a root type (null for nested types).</summary>
    public string? Name => ItemRef is null ? RootName : null;

    /// <summary>The key under which this type sits in its parent map (null for roots and list children).</summary>
    public string? ParentSub => ItemRef?.ParentSubKey;

    /// <summary>The type containing this one (null for roots).</summary>
    public AbstractType? Parent => ItemRef?.Parent;

    internal abstract int TypeRef { get; }

    internal virtual void WriteTypeRef(Lib0Writer w) => w.WriteVarUint((ulong)TypeRef);

    internal abstract AbstractType CopyEmpty();

    internal virtual void IntegrateInto(Doc doc, Item? item)
    {
        DocRef = doc;
        ItemRef = item;
        var pending = Pending;
        Pending = null;
        if (pending is not null) foreach (var f in pending) f();
    }

    internal void AdoptFrom(AbstractType other)
    {
        MapItems = other.MapItems;
        foreach (var n0 in MapItems.Values)
        {
            for (Item? n = n0; n is not null; n = n.Left) n.Parent = this;
        }
        Start = other.Start;
        for (var n = Start; n is not null; n = n.Right) n.Parent = this;
        LengthCore = other.LengthCore;
    }

    internal string FindRootKey()
    {
        if (RootName is not null) return RootName;
        foreach (var (k, v) in DocRef!.Share) if (v == this) return k;
        throw new InvalidOperationException("Root type not found.");
    }

    /// <summary>Registers an observer called at the end of each transaction that changed this type.</summary>
    public void Observe(Action<YEvent, Transaction> handler) => (Observers ??= new()).Add(handler);

    /// <summary>Removes an observer.</summary>
    public void Unobserve(Action<YEvent, Transaction> handler) => Observers?.Remove(handler);

    /// <summary>Registers an observer of this type and all its descendants.</summary>
    public void ObserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => (DeepObservers ??= new()).Add(handler);

    /// <summary>Removes a deep observer.</summary>
    public void UnobserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => DeepObservers?.Remove(handler);

    internal virtual YEvent CreateEvent(Transaction tr, HashSet<string?> subs) => new(this, tr, subs);

    /// <summary>Called at the end of every transaction that changed this type (observed or not).</summary>
    internal virtual void OnChanged(Transaction tr)
    {
        if (!tr.Local && SearchMarkers is not null) SearchMarkers.Clear();
    }

    /// <summary>The content as plain JSON-like values (strings, numbers, lists, dictionaries).</summary>
    public abstract object? ToJson();

    internal Doc RequireDoc() => DocRef ?? throw new InvalidOperationException("The type is not integrated in a document yet.");

    internal static object? ValueToJson(object? v) => v is AbstractType t ? t.ToJson() : v;

    // ---- list helpers ----

    internal List<object?> ListToArray()
    {
        var result = new List<object?>(LengthCore);
        for (var n = Start; n is not null; n = n.Right)
        {
            if (n.Countable && !n.IsDeleted) n.Content.AppendValues(result);
        }
        return result;
    }

    internal object? ListGet(int index)
    {
        var marker = SearchMarker.Find(this, index);
        var n = Start;
        if (marker is not null)
        {
            n = marker.P;
            index -= marker.Index;
        }
        for (; n is not null; n = n.Right)
        {
            if (!n.IsDeleted && n.Countable)
            {
                if (index < n.Len)
                {
                    var tmp = new List<object?>(n.Len);
                    n.Content.AppendValues(tmp);
                    return tmp[index];
                }
                index -= n.Len;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    internal void ListInsertGenericsAfter(Transaction tr, Item? reference, IEnumerable<object?> content)
    {
        var left = reference;
        var doc = tr.Doc;
        long own = doc.ClientId;
        var store = doc.Store;
        var right = reference is null ? Start : reference.Right;
        List<object?>? json = null;
        void Pack()
        {
            if (json is { Count: > 0 })
            {
                left = new Item(own, store.GetState(own), left, left?.LastId, right, right?.Id, this, null, new ContentAny(json));
                left.Integrate(tr, 0);
                json = null;
            }
        }
        foreach (var c in content)
        {
            Content? special = c switch
            {
                byte[] b => new ContentBinary(b),
                Doc d => new ContentDoc(d.Guid, d.Gc ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["gc"] = false }),
                AbstractType t => new ContentType(t),
                _ => null,
            };
            if (special is null)
            {
                (json ??= new List<object?>()).Add(NormalizeAny(c));
                continue;
            }
            Pack();
            left = new Item(own, store.GetState(own), left, left?.LastId, right, right?.Id, this, null, special);
            left.Integrate(tr, 0);
        }
        Pack();
    }

    internal static object? NormalizeAny(object? v) => v switch
    {
        int i => (long)i,
        _ => v,
    };

    internal void ListInsertGenerics(Transaction tr, int index, IReadOnlyCollection<object?> content)
    {
        if (index > LengthCore || index < 0) throw new ArgumentOutOfRangeException(nameof(index), "Length exceeded!");
        if (index == 0)
        {
            if (SearchMarkers is not null) SearchMarker.UpdateChanges(SearchMarkers, index, content.Count);
            ListInsertGenericsAfter(tr, null, content);
            return;
        }
        int startIndex = index;
        var marker = SearchMarker.Find(this, index);
        var n = Start;
        if (marker is not null)
        {
            n = marker.P;
            index -= marker.Index;
            if (index == 0)
            {
                n = n.Prev;
                index += (n is not null && n.Countable && !n.IsDeleted) ? n.Len : 0;
            }
        }
        for (; n is not null; n = n.Right)
        {
            if (!n.IsDeleted && n.Countable)
            {
                if (index <= n.Len)
                {
                    if (index < n.Len) tr.Doc.Store.GetItemCleanStart(tr, new Id(n.Client, n.Clock + index));
                    break;
                }
                index -= n.Len;
            }
        }
        if (SearchMarkers is not null) SearchMarker.UpdateChanges(SearchMarkers, startIndex, content.Count);
        ListInsertGenericsAfter(tr, n, content);
    }

    internal void ListPushGenerics(Transaction tr, IReadOnlyCollection<object?> content)
    {
        Item? n = Start;
        int best = 0;
        if (SearchMarkers is not null)
        {
            foreach (var m in SearchMarkers)
            {
                if (m.Index > best) { best = m.Index; n = m.P; }
            }
        }
        if (n is not null) while (n.Right is not null) n = n.Right;
        ListInsertGenericsAfter(tr, n, content);
    }

    internal void ListDelete(Transaction tr, int index, int length)
    {
        if (length == 0) return;
        if (index < 0 || length < 0) throw new ArgumentOutOfRangeException(nameof(index));
        int startIndex = index;
        int startLength = length;
        var marker = SearchMarker.Find(this, index);
        var n = Start;
        var store = tr.Doc.Store;
        if (marker is not null)
        {
            n = marker.P;
            index -= marker.Index;
        }
        for (; n is not null && index > 0; n = n.Right)
        {
            if (!n.IsDeleted && n.Countable)
            {
                if (index < n.Len) store.GetItemCleanStart(tr, new Id(n.Client, n.Clock + index));
                index -= n.Len;
            }
        }
        while (length > 0 && n is not null)
        {
            if (!n.IsDeleted)
            {
                if (length < n.Len) store.GetItemCleanStart(tr, new Id(n.Client, n.Clock + length));
                n.Delete(tr);
                length -= n.Len;
            }
            n = n.Right;
        }
        if (length > 0) throw new ArgumentOutOfRangeException(nameof(length), "Array length exceeded.");
        if (SearchMarkers is not null) SearchMarker.UpdateChanges(SearchMarkers, startIndex, -startLength + length);
    }

    // ---- map helpers ----

    internal void MapSet(Transaction tr, string key, object? value)
    {
        MapItems.TryGetValue(key, out var left);
        var doc = tr.Doc;
        long own = doc.ClientId;
        Content content = value switch
        {
            byte[] b => new ContentBinary(b),
            Doc d => new ContentDoc(d.Guid, d.Gc ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["gc"] = false }),
            AbstractType t => new ContentType(t),
            _ => new ContentAny(new List<object?> { NormalizeAny(value) }),
        };
        new Item(own, doc.Store.GetState(own), left, left?.LastId, null, null, this, key, content).Integrate(tr, 0);
    }

    internal void MapDelete(Transaction tr, string key)
    {
        if (MapItems.TryGetValue(key, out var c)) c.Delete(tr);
    }

    internal object? MapGet(string key)
    {
        if (MapItems.TryGetValue(key, out var v) && !v.IsDeleted) return LastValue(v);
        return null;
    }

    internal bool MapHas(string key) => MapItems.TryGetValue(key, out var v) && !v.IsDeleted;

    internal static object? LastValue(Item item)
    {
        var tmp = new List<object?>(item.Len);
        item.Content.AppendValues(tmp);
        return tmp.Count == 0 ? null : tmp[^1];
    }
}
