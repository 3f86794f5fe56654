using System.Runtime.CompilerServices;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A Yjs-compatible document: named root types, a struct store and transactions.</summary>
public sealed partial class Doc
{
    internal readonly StructStore Store = new();
    internal readonly Dictionary<string, AbstractType> Share = new();
    private readonly DocOptions _options;
    private string? _guid;
    private Transaction? _transaction;
    private List<Transaction>? _cleanups;
    /// <summary>The emptied cleanup list of the last batch, reused by the next one (one list per doc, not per transaction).</summary>
    private List<Transaction>? _spareCleanups;

    /// <summary>Creates a document.</summary>
    public Doc(DocOptions? options = null)
    {
        _options = options ?? new DocOptions();
        long id = _options.ClientId ?? GenerateClientId();
        if (id < 0 || id > JsNumber.MaxSafeInteger) throw new ArgumentOutOfRangeException(nameof(options), "Client id must be within 0..2^53-1.");
        ClientId = id;
        Gc = _options.Gc;
        _guid = _options.Guid;
    }

    /// <summary>This replica's client id.</summary>
    public long ClientId { get; private set; }

    /// <summary>Whether deleted content is garbage collected at the end of transactions.</summary>
    public bool Gc { get; set; }

    /// <summary>The document guid (a random one, made when first read, unless given in the options).</summary>
    public string Guid
    {
        get
        {
            // Made on first use: formatting a guid runs framework code that a fresh process would jit at
            // every document's creation, and most documents (a server's loaded bills) never read it.
            if (_guid is null) Interlocked.CompareExchange(ref _guid, System.Guid.NewGuid().ToString(), null);
            return _guid;
        }
    }

    internal DocOptions Options => _options;

    /// <summary>Raised after each transaction that changed something, with its v1 update (like yjs 'update').</summary>
    public event EventHandler<UpdateEventArgs>? Updated;

    /// <summary>Raised at the end of every transaction, after observers, before garbage collection.</summary>
    public event EventHandler<TransactionEventArgs>? AfterTransaction;

    /// <summary>Raised after a transaction's cleanup (gc and merging) finished.</summary>
    public event EventHandler<TransactionEventArgs>? AfterTransactionCleanup;

    /// <summary>The transaction in progress, if any.</summary>
    public Transaction? CurrentTransaction => _transaction;

    /// <summary>Whether updates are waiting for missing structs or deletions.</summary>
    public bool HasPending => Store.PendingStructs is not null || Store.PendingDeleteSet is not null;

    /// <summary>Number of structs received but waiting for missing structs of other updates.</summary>
    public int PendingStructCount => UpdateIntegrator.PendingCount(Store);

    /// <summary>For pending structs: the lowest missing clock per client they wait for.</summary>
    public IReadOnlyDictionary<long, long> PendingMissing => Store.PendingMissing ?? new Dictionary<long, long>();

    /// <summary>Pending structs as (client, clock, length) triples, for diagnostics.</summary>
    public IReadOnlyList<(long Client, long Clock, int Length)> PendingStructRanges
    {
        get
        {
            var list = new List<(long, long, int)>();
            if (Store.PendingStructs is not null)
            {
                foreach (var (c, structs) in Store.PendingStructs) foreach (var s in structs) list.Add((c, s.Clock, s.Len));
            }
            return list;
        }
    }

    internal static long GenerateClientId() => Random.Shared.NextInt64(0, 1L << 32);

    /// <summary>The root names defined in this document.</summary>
    public IReadOnlyCollection<string> RootNames => Share.Keys;

    /// <summary>Gets or creates a root <see cref="YText"/>.</summary>
    public YText GetText(string name) => GetRoot(name, static () => new YText());

    /// <summary>Gets or creates a root <see cref="YMap"/>.</summary>
    public YMap GetMap(string name) => GetRoot(name, static () => new YMap());

    /// <summary>Gets or creates a root <see cref="YArray"/>.</summary>
    public YArray GetArray(string name) => GetRoot(name, static () => new YArray());

    /// <summary>Gets or creates a root <see cref="YXmlFragment"/>.</summary>
    public YXmlFragment GetXmlFragment(string name) => GetRoot(name, static () => new YXmlFragment());

    /// <summary>Gets or creates a root of an undetermined type (as yjs doc.get(name)).</summary>
    public AbstractType Get(string name) => GetOrCreateRoot(name);

    private T GetRoot<T>(string name, Func<T> create) where T : AbstractType
    {
        if (Share.TryGetValue(name, out var existing))
        {
            if (existing is T t) return t;
            if (existing.GetType() == typeof(UnknownType))
            {
                var typed = create();
                typed.AdoptFrom(existing);
                Share[name] = typed;
                typed.IntegrateInto(this, null);
                typed.RootName = name;
                return typed;
            }
            throw new InvalidOperationException($"Type with the name {name} has already been defined with a different constructor.");
        }
        var created = create();
        created.IntegrateInto(this, null);
        created.RootName = name;
        Share[name] = created;
        return created;
    }

    internal AbstractType GetOrCreateRoot(string name)
    {
        if (Share.TryGetValue(name, out var t)) return t;
        var u = new UnknownType();
        u.IntegrateInto(this, null);
        u.RootName = name;
        Share[name] = u;
        return u;
    }

    /// <summary>
    /// Returns the type that holds the struct with <paramref name="id"/> (null when unknown or garbage
    /// collected). Use <see cref="AbstractType.Item"/>, <see cref="AbstractType.Name"/> and
    /// <see cref="Item.ParentSub"/> to locate it.
    /// </summary>
    public AbstractType? FindItemParent(Id id) => Store.Find(id) is Item item ? item.Parent : null;

    /// <summary>Returns the struct containing <paramref name="id"/>, if any.</summary>
    public AbstractStruct? FindStruct(Id id) => Store.Find(id);

    /// <summary>The state vector (client -> next clock).</summary>
    public IReadOnlyDictionary<long, long> StateVector => Store.GetStateVector();

    /// <summary>Runs <paramref name="f"/> in a transaction (joins the current one when nested).</summary>
    public void Transact(Action<Transaction> f, object? origin = null) => Transact(f, origin, true);

    internal void Transact(Action<Transaction> f, object? origin, bool local)
    {
        ArgumentNullException.ThrowIfNull(f);
        bool initial = false;
        if (_transaction is null)
        {
            initial = true;
            _transaction = new Transaction(this, origin, local);
            if (_cleanups is null)
            {
                _cleanups = _spareCleanups ?? new List<Transaction>();
                _spareCleanups = null;
            }
            _cleanups.Add(_transaction);
            if (_cleanups.Count == 1) BeforeAllTransactions?.Invoke(this, EventArgs.Empty);
        }
        try
        {
            f(_transaction);
        }
        finally
        {
            if (initial)
            {
                bool finishCleanup = _cleanups![0] == _transaction;
                _transaction = null;
                if (finishCleanup) CleanupTransactions(0);
            }
        }
    }

    /// <summary>Raised before the first of a batch of transactions.</summary>
    public event EventHandler? BeforeAllTransactions;

    /// <summary>Raised after a batch of transactions finished.</summary>
    public event EventHandler? AfterAllTransactions;

    internal T TransactResult<T>(Func<Transaction, T> f, object? origin = null)
    {
        T result = default!;
        Transact(tr => result = f(tr), origin, true);
        return result;
    }
}
