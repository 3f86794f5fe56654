using ParisCoDraft.Crdt;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// Which clocks of which Yjs client the store holds for a bill, read from the raw log (snapshot and updates),
/// whether or not the server's doc could integrate them yet. A typist's keystroke <c>i</c> is its client's
/// clock <c>i</c> (one character per update), so "acknowledged but not stored" is exact, holes included.
/// </summary>
public sealed class StoredClocks
{
    private readonly Dictionary<long, List<(long From, long To)>> _ranges = [];

    private StoredClocks()
    {
    }

    /// <summary>Reads the bill's log from <paramref name="store"/>.</summary>
    public static async Task<StoredClocks> ReadAsync(IDraftingStore store, string billId)
    {
        var log = await store.LoadDocumentAsync(billId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))
                  ?? throw new InvalidOperationException("The store has no bill " + billId);
        var result = new StoredClocks();
        if (log.Snapshot is not null) result.Add(log.Snapshot);
        foreach (var u in log.Updates) result.Add(u.Data);
        return result;
    }

    private void Add(byte[] update)
    {
        foreach (var s in Y.ReadUpdateInfo(update).Structs)
        {
            if (s.Kind == StructKind.Skip) continue;
            if (!_ranges.TryGetValue(s.Client, out var list)) _ranges[s.Client] = list = [];
            list.Add((s.Clock, s.Clock + s.Length));
        }
    }

    /// <summary>True when the store holds clock <paramref name="clock"/> of <paramref name="client"/>.</summary>
    public bool Holds(long client, long clock) =>
        _ranges.TryGetValue(client, out var list) && list.Exists(r => r.From <= clock && clock < r.To);
}
