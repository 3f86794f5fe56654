namespace ParisCoDraft.Crdt;

/// <summary>A set of changes applied to a <see cref="Doc"/> at once; observers and update events fire at its end.</summary>
public sealed class Transaction
{
    internal readonly Dictionary<long, long> BeforeStateDict;
    internal Dictionary<long, long>? AfterStateDict;
    internal readonly Dictionary<AbstractType, HashSet<string?>> Changed = new(ReferenceEqualityComparer.Instance);
    internal readonly List<AbstractStruct> MergeStructs = new();
    internal bool NeedFormattingCleanup;

    internal Transaction(Doc doc, object? origin, bool local)
    {
        Doc = doc;
        Origin = origin;
        Local = local;
        BeforeStateDict = doc.Store.GetStateVector();
    }

    /// <summary>The document.</summary>
    public Doc Doc { get; }

    /// <summary>The origin given to <see cref="Doc.Transact(Action{Transaction}, object?)"/> or <see cref="Y.ApplyUpdate"/>.</summary>
    public object? Origin { get; }

    /// <summary>True for local edits, false when applying a remote update.</summary>
    public bool Local { get; internal set; }

    /// <summary>What this transaction deleted.</summary>
    public DeleteSet DeleteSet { get; } = new();

    /// <summary>State vector before the transaction.</summary>
    public IReadOnlyDictionary<long, long> BeforeState => BeforeStateDict;

    /// <summary>State vector after the transaction (available once it ends).</summary>
    public IReadOnlyDictionary<long, long> AfterState => AfterStateDict ?? Doc.Store.GetStateVector();

    /// <summary>Types whose content changed (excluding types created in this transaction).</summary>
    public IReadOnlyCollection<AbstractType> ChangedTypes => Changed.Keys;

    /// <summary>Keys changed on <paramref name="type"/> (null stands for list content).</summary>
    public IReadOnlySet<string?>? ChangedKeysOf(AbstractType type) => Changed.TryGetValue(type, out var s) ? s : null;

    internal long BeforeStateOf(long client) => BeforeStateDict.TryGetValue(client, out var c) ? c : 0;

    internal void AddChangedType(AbstractType type, string? parentSub)
    {
        var item = type.ItemRef;
        if (item is null || (item.Clock < BeforeStateOf(item.Client) && !item.IsDeleted))
        {
            if (!Changed.TryGetValue(type, out var set))
            {
                set = new HashSet<string?>();
                Changed[type] = set;
            }
            set.Add(parentSub);
        }
    }
}
