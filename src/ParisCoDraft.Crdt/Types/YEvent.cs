namespace ParisCoDraft.Crdt;

/// <summary>Describes the changes of one shared type in one transaction. Read it inside the observer.</summary>
public class YEvent
{
    private Dictionary<string, KeyChange>? _keys;
    private List<DeltaOp>? _delta;

    internal YEvent(AbstractType target, Transaction transaction, HashSet<string?> subs)
    {
        Target = target;
        CurrentTarget = target;
        Transaction = transaction;
        KeysChanged = subs;
    }

    /// <summary>The type that changed.</summary>
    public AbstractType Target { get; }

    /// <summary>The type whose deep observer is being called.</summary>
    public AbstractType CurrentTarget { get; internal set; }

    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>Changed keys (null stands for list content).</summary>
    public IReadOnlySet<string?> KeysChanged { get; }

    /// <summary>Whether the struct was deleted by this transaction.</summary>
    public bool Deletes(AbstractStruct s) => Transaction.DeleteSet.Contains(s.Id);

    /// <summary>Whether the struct was added by this transaction.</summary>
    public bool Adds(AbstractStruct s) => s.Clock >= Transaction.BeforeStateOf(s.Client);

    /// <summary>The path from the observed (current) target to the changed type: keys and indexes.</summary>
    public IReadOnlyList<object> Path
    {
        get
        {
            var path = new List<object>();
            var child = Target;
            while (child != CurrentTarget && child.ItemRef is { } item)
            {
                if (item.ParentSubKey is not null) path.Insert(0, item.ParentSubKey);
                else
                {
                    int i = 0;
                    for (var c = item.Parent!.Start; c != item && c is not null; c = c.Right)
                    {
                        if (!c.IsDeleted && c.Countable) i += c.Len;
                    }
                    path.Insert(0, i);
                }
                child = item.Parent!;
            }
            return path;
        }
    }

    /// <summary>Map key changes.</summary>
    public IReadOnlyDictionary<string, KeyChange> Keys
    {
        get
        {
            if (_keys is not null) return _keys;
            var keys = new Dictionary<string, KeyChange>();
            foreach (var key in KeysChanged)
            {
                if (key is null) continue;
                if (!Target.MapItems.TryGetValue(key, out var item)) continue;
                KeyChangeAction action;
                object? oldValue;
                if (Adds(item))
                {
                    var prev = item.Left;
                    while (prev is not null && Adds(prev)) prev = prev.Left;
                    if (Deletes(item))
                    {
                        if (prev is not null && Deletes(prev)) { action = KeyChangeAction.Delete; oldValue = AbstractType.LastValue(prev); }
                        else continue;
                    }
                    else
                    {
                        if (prev is not null && Deletes(prev)) { action = KeyChangeAction.Update; oldValue = AbstractType.LastValue(prev); }
                        else { action = KeyChangeAction.Add; oldValue = null; }
                    }
                }
                else
                {
                    if (Deletes(item)) { action = KeyChangeAction.Delete; oldValue = AbstractType.LastValue(item); }
                    else continue;
                }
                keys[key] = new KeyChange(action, oldValue);
            }
            _keys = keys;
            return keys;
        }
    }

    /// <summary>List changes as a delta (inserts carry lists of values).</summary>
    public virtual IReadOnlyList<DeltaOp> Delta
    {
        get
        {
            if (_delta is not null) return _delta;
            var delta = new List<DeltaOp>();
            if (KeysChanged.Contains(null))
            {
                DeltaOp? last = null;
                for (var item = Target.Start; item is not null; item = item.Right)
                {
                    if (item.IsDeleted)
                    {
                        if (Deletes(item) && !Adds(item))
                        {
                            if (last is null || last.Delete is null)
                            {
                                if (last is not null) delta.Add(last);
                                last = DeltaOp.DeleteOp(0);
                            }
                            last.Delete += item.Len;
                        }
                    }
                    else if (Adds(item))
                    {
                        if (last is null || last.Insert is null)
                        {
                            if (last is not null) delta.Add(last);
                            last = DeltaOp.InsertOp(new List<object?>());
                        }
                        item.Content.AppendValues((List<object?>)last.Insert!);
                    }
                    else
                    {
                        if (last is null || last.Retain is null)
                        {
                            if (last is not null) delta.Add(last);
                            last = DeltaOp.RetainOp(0);
                        }
                        last.Retain += item.Len;
                    }
                }
                if (last is not null && last.Retain is null) delta.Add(last);
            }
            _delta = delta;
            return delta;
        }
    }
}
