using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>A set of changes applied to a <see cref="Doc"/> at once; observers and update events fire at its end.</summary>
/// <remarks>
/// Every transaction allocates as little as it can: the state vectors are arrays of clocks indexed like
/// <see cref="StructStore.Ordered"/> (turned into dictionaries only when read through the public API), the
/// delete set and the merge list exist once something is deleted or split, and the first changed type is
/// held without a dictionary (the usual case: one text edited).
/// </remarks>
public sealed class Transaction
{
    /// <summary>Key set of a type changed only in its list content (shared, never mutated).</summary>
    private static readonly HashSet<string?> ListOnly = [null];

    /// <summary>Clock of each client (by store ordinal) when the transaction started; -1: no struct yet.</summary>
    internal readonly long[] BeforeClocks;

    /// <summary>The same at the end (set when the cleanup starts).</summary>
    internal long[]? AfterClocks;

    private Dictionary<long, long>? _beforeDict;
    private Dictionary<long, long>? _afterDict;
    private AbstractType? _changed0;
    private HashSet<string?>? _changed0Keys;
    private Dictionary<AbstractType, HashSet<string?>>? _changedMore;
    private List<AbstractStruct>? _mergeStructs;
    private DeleteSet? _deleteSet;
    internal bool NeedFormattingCleanup;

    internal Transaction(Doc doc, object? origin, bool local)
    {
        Doc = doc;
        Origin = origin;
        Local = local;
        BeforeClocks = doc.Store.SnapshotClocks();
    }

    /// <summary>The document.</summary>
    public Doc Doc { get; }

    /// <summary>The origin given to <see cref="Doc.Transact(Action{Transaction}, object?)"/> or <see cref="Y.ApplyUpdate"/>.</summary>
    public object? Origin { get; }

    /// <summary>True for local edits, false when applying a remote update.</summary>
    public bool Local { get; internal set; }

    /// <summary>What this transaction deleted.</summary>
    public DeleteSet DeleteSet => _deleteSet ??= new DeleteSet();

    /// <summary>The delete set if anything was deleted, else null (no allocation).</summary>
    internal DeleteSet? DeleteSetOrNull => _deleteSet;

    /// <summary>Items split by this transaction (candidates for merging back at the end).</summary>
    internal List<AbstractStruct> MergeStructs => _mergeStructs ??= new List<AbstractStruct>();

    /// <summary>Like <see cref="MergeStructs"/>, null when nothing was split.</summary>
    internal List<AbstractStruct>? MergeStructsOrNull => _mergeStructs;

    /// <summary>State vector before the transaction.</summary>
    public IReadOnlyDictionary<long, long> BeforeState => _beforeDict ??= ToDictionary(BeforeClocks);

    /// <summary>State vector after the transaction (available once it ends).</summary>
    public IReadOnlyDictionary<long, long> AfterState =>
        AfterClocks is null ? Doc.Store.GetStateVector() : _afterDict ??= ToDictionary(AfterClocks);

    /// <summary>Types whose content changed (excluding types created in this transaction).</summary>
    public IReadOnlyCollection<AbstractType> ChangedTypes
    {
        get
        {
            if (_changedMore is not null) return _changedMore.Keys;
            return _changed0 is null ? [] : [_changed0];
        }
    }

    /// <summary>Keys changed on <paramref name="type"/> (null stands for list content).</summary>
    public IReadOnlySet<string?>? ChangedKeysOf(AbstractType type)
    {
        if (_changedMore is not null) return _changedMore.TryGetValue(type, out var s) ? s : null;
        return ReferenceEquals(type, _changed0) ? _changed0Keys : null;
    }

    /// <summary>Number of changed types.</summary>
    internal int ChangedCount => _changedMore?.Count ?? (_changed0 is null ? 0 : 1);

    /// <summary>
    /// The changed types with their keys, in the order they were first changed, when more than one changed
    /// (else null: see <see cref="SingleChanged"/>).
    /// </summary>
    internal Dictionary<AbstractType, HashSet<string?>>? ChangedMany => _changedMore;

    /// <summary>The changed type and its keys when only one changed (no collection to enumerate), else null.</summary>
    internal AbstractType? SingleChanged(out HashSet<string?>? keys)
    {
        keys = _changedMore is null ? _changed0Keys : null;
        return _changedMore is null ? _changed0 : null;
    }

    internal void RemoveChanged(AbstractType type)
    {
        if (_changedMore is not null) _changedMore.Remove(type);
        else if (ReferenceEquals(type, _changed0))
        {
            _changed0 = null;
            _changed0Keys = null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long BeforeStateOf(long client) =>
        Doc.Store.Clients.TryGetValue(client, out var list) ? BeforeStateOf(list) : 0;

    internal long BeforeStateOf(StructList list) => ClockAt(BeforeClocks, list.Ordinal);

    internal long AfterStateOf(long client) =>
        AfterClocks is not null && Doc.Store.Clients.TryGetValue(client, out var list) ? ClockAt(AfterClocks, list.Ordinal) : 0;

    /// <summary>Clock of ordinal <paramref name="ordinal"/> in a clock snapshot (0 when absent).</summary>
    internal static long ClockAt(long[] clocks, int ordinal) =>
        ordinal < clocks.Length && clocks[ordinal] > 0 ? clocks[ordinal] : 0;

    /// <summary>Whether the client of ordinal <paramref name="ordinal"/> had structs in the snapshot.</summary>
    internal static bool HasClient(long[] clocks, int ordinal) => ordinal < clocks.Length && clocks[ordinal] >= 0;

    private Dictionary<long, long> ToDictionary(long[] clocks)
    {
        var store = Doc.Store;
        var d = new Dictionary<long, long>(clocks.Length);
        for (int i = 0; i < clocks.Length; i++)
        {
            if (clocks[i] >= 0) d[store.Ordered[i].Client] = clocks[i];
        }
        return d;
    }

    internal void AddChangedType(AbstractType type, string? parentSub)
    {
        var item = type.ItemRef;
        if (item is null || (item.Clock < BeforeStateOf(item.Client) && !item.IsDeleted))
        {
            if (_changedMore is null)
            {
                if (_changed0 is null)
                {
                    _changed0 = type;
                    _changed0Keys = parentSub is null ? ListOnly : [parentSub];
                    return;
                }
                if (ReferenceEquals(_changed0, type))
                {
                    _changed0Keys = AddKey(_changed0Keys!, parentSub);
                    return;
                }
                _changedMore = new Dictionary<AbstractType, HashSet<string?>>(ReferenceEqualityComparer.Instance)
                {
                    [_changed0] = _changed0Keys!,
                };
                _changed0 = null;
                _changed0Keys = null;
            }
            if (_changedMore.TryGetValue(type, out var set))
            {
                var added = AddKey(set, parentSub);
                if (!ReferenceEquals(added, set)) _changedMore[type] = added;
            }
            else
            {
                _changedMore[type] = parentSub is null ? ListOnly : [parentSub];
            }
        }
    }

    /// <summary>Adds a key; the shared <see cref="ListOnly"/> set is copied before it grows.</summary>
    private static HashSet<string?> AddKey(HashSet<string?> set, string? key)
    {
        if (ReferenceEquals(set, ListOnly))
        {
            return key is null ? set : [null, key];
        }
        set.Add(key);
        return set;
    }
}
