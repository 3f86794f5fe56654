using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

/// <summary>
/// The store contract, run against each engine by a derived class: what the rest of the product relies on,
/// whichever database is behind <see cref="IDraftingStore"/>, <see cref="IDeliberationStore"/> and
/// <see cref="IVersionStore"/>.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The store under test.</summary>
    protected IDraftingStore Store { get; private set; } = null!;

    private IVersionStore Versions => (IVersionStore)Store;

    private IDeliberationStore Deliberation => (IDeliberationStore)Store;

    /// <summary>Opens a store on a fresh, empty database.</summary>
    protected abstract Task<IDraftingStore> CreateAsync();

    /// <summary>Opens the same database again (a server restart).</summary>
    protected abstract Task<IDraftingStore> ReopenAsync();

    /// <summary>Runs raw SQL on the database, bypassing the store (to show what the database itself refuses).</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    /// <inheritdoc />
    public virtual async Task InitializeAsync() => Store = await CreateAsync().Bounded(TimeSpan.FromSeconds(60));

    /// <inheritdoc />
    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>Closes the store and opens it again on the same database.</summary>
    protected async Task RestartAsync()
    {
        await Store.DisposeAsync();
        Store = await ReopenAsync().Bounded();
    }

    private Task CreateBillAsync(string id, params InviteRecord[] invites) => Store.CreateBillAsync(Bill(id, invites), None).Bounded();

    private static byte[] Bytes(int n) => BitConverter.GetBytes(n);

    // ---- document log

    [Fact]
    public async Task LoadsNothingForABillWithoutADocument()
    {
        Assert.Null(await Store.LoadDocumentAsync("nobill", None).Bounded());
    }

    [Fact]
    public async Task LoadsTheFirstDocumentAsTheSnapshotWithNoUpdates()
    {
        await CreateBillAsync("b1");
        var log = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal([0, 0], log.Snapshot);
        Assert.Equal(0, log.SnapshotSequence);
        Assert.Empty(log.Updates);
    }

    [Fact]
    public async Task AppendsABatchOfSeveralBillsInOneCallWithGrowingSequenceNumbers()
    {
        await CreateBillAsync("b1");
        await CreateBillAsync("b2");
        var seq = await Store.AppendUpdatesAsync([new("b1", Bytes(1)), new("b2", Bytes(2)), new("b1", Bytes(3))], None).Bounded();

        Assert.Equal(3, seq.Count);
        Assert.True(seq[0] < seq[1] && seq[1] < seq[2]);
        var b1 = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal([seq[0], seq[2]], b1.Updates.Select(u => u.Sequence));
        Assert.Equal([Bytes(1), Bytes(3)], b1.Updates.Select(u => u.Data));
        Assert.Equal(Bytes(2), (await Store.LoadDocumentAsync("b2", None).Bounded())!.Updates.Single().Data);
    }

    [Fact]
    public async Task AppendsNothingAtAllWhenOneUpdateOfTheBatchFails()
    {
        await CreateBillAsync("b1");
        await Assert.ThrowsAnyAsync<Exception>(() =>
            Store.AppendUpdatesAsync([new("b1", Bytes(1)), new("no-such-bill", Bytes(2))], None).Bounded());
        Assert.Empty((await Store.LoadDocumentAsync("b1", None).Bounded())!.Updates);
    }

    [Fact]
    public async Task CompactionKeepsUpdatesAppendedAfterItsSequence()
    {
        await CreateBillAsync("b1");
        var first = await Store.AppendUpdatesAsync([new("b1", Bytes(1)), new("b1", Bytes(2))], None).Bounded();
        var later = await Store.AppendUpdatesAsync([new("b1", Bytes(3))], None).Bounded();

        Assert.True(await Store.CompactAsync("b1", [9, 9], first[^1], None).Bounded());

        var log = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal([9, 9], log.Snapshot);
        Assert.Equal(first[^1], log.SnapshotSequence);
        Assert.Equal([later[0]], log.Updates.Select(u => u.Sequence));
        Assert.Equal(later[0], log.LastSequence);
    }

    [Fact]
    public async Task RefusesAnOlderSnapshotOverANewerOne()
    {
        await CreateBillAsync("b1");
        var seq = await Store.AppendUpdatesAsync([new("b1", Bytes(1)), new("b1", Bytes(2))], None).Bounded();
        Assert.True(await Store.CompactAsync("b1", [2], seq[1], None).Bounded());
        Assert.False(await Store.CompactAsync("b1", [1], seq[0], None).Bounded());
        Assert.Equal([2], (await Store.LoadDocumentAsync("b1", None).Bounded())!.Snapshot);
    }

    [Fact]
    public async Task NeverReusesASequenceNumberAfterCompactionDeletedTheLastRows()
    {
        await CreateBillAsync("b1");
        var seq = await Store.AppendUpdatesAsync([new("b1", Bytes(1))], None).Bounded();
        await Store.CompactAsync("b1", [1], seq[0], None).Bounded();
        await RestartAsync();

        var next = await Store.AppendUpdatesAsync([new("b1", Bytes(2))], None).Bounded();

        Assert.True(next[0] > seq[0]);
        var log = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal(Bytes(2), log.Updates.Single().Data);
    }

    [Fact]
    public async Task CompactionUnderConcurrentAppendsLosesNoUpdate()
    {
        // The "document" is the set of update numbers; a snapshot is that set encoded. Writers append while a
        // compactor folds what it loaded into a snapshot: at the end, snapshot + log must hold every update.
        await CreateBillAsync("b1");
        // Writers go on past their quota until several compactions have overlapped them, so the test
        // always exercises compaction racing appends, however fast the engine is.
        const int writers = 4, perWriter = 40, minCompactions = 3, maxPerWriter = 20_000;
        var stop = new CancellationTokenSource();
        var compactions = 0;
        var compactor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var log = (await Store.LoadDocumentAsync("b1", None))!;
                var set = Decode(log.Snapshot);
                foreach (var u in log.Updates) set.Add(BitConverter.ToInt32(u.Data));
                if (await Store.CompactAsync("b1", Encode(set), log.LastSequence, None)) Interlocked.Increment(ref compactions);
                await Task.Delay(2);
            }
        });
        var written = new int[writers];
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var i = 0;
            for (; i < maxPerWriter && (i < perWriter || Volatile.Read(ref compactions) < minCompactions); i++)
            {
                await Store.AppendUpdatesAsync([new("b1", Bytes((w * 100_000) + (2 * i))), new("b1", Bytes((w * 100_000) + (2 * i) + 1))], None);
            }
            written[w] = i;
        })).ToList();
        await Task.WhenAll(tasks).Bounded(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await compactor.Bounded(TimeSpan.FromSeconds(30));

        var final = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        var all = Decode(final.Snapshot);
        foreach (var u in final.Updates) all.Add(BitConverter.ToInt32(u.Data));
        Assert.Equal(written.Sum() * 2, all.Count);
        Assert.True(compactions >= minCompactions, $"only {compactions} compactions ran while {written.Sum()} appends were made");
    }

    private static HashSet<int> Decode(byte[]? snapshot)
    {
        var set = new HashSet<int>();
        if (snapshot is null || snapshot.Length < 4) return set;
        for (var i = 0; i + 4 <= snapshot.Length; i += 4) set.Add(BitConverter.ToInt32(snapshot, i));
        return set;
    }

    private static byte[] Encode(HashSet<int> set) => [.. set.SelectMany(BitConverter.GetBytes)];

    [Fact]
    public async Task AcceptsAppendsFromManyCallersAtOnceEachDurableWithADistinctNumber()
    {
        await CreateBillAsync("b1");
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            Task.Run(() => Store.AppendUpdatesAsync([new("b1", Bytes(i))], None)))).Bounded(TimeSpan.FromSeconds(60));
        var numbers = results.Select(r => r[0]).ToList();
        Assert.Equal(32, numbers.Distinct().Count());
        var log = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal(numbers.Order(), log.Updates.Select(u => u.Sequence));
    }

    [Fact]
    public async Task SurvivesARestartWithEverythingAppended()
    {
        await CreateBillAsync("b1");
        var seq = await Store.AppendUpdatesAsync([new("b1", Bytes(7))], None).Bounded();
        await RestartAsync();
        var log = (await Store.LoadDocumentAsync("b1", None).Bounded())!;
        Assert.Equal(seq[0], log.LastSequence);
        Assert.True(await Store.PingAsync(None).Bounded());
    }
}
