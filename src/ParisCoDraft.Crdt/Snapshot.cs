using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A document state: a state vector plus the delete set at that point (readable on gc=false docs).</summary>
public sealed class Snapshot
{
    internal Snapshot(DeleteSet deleteSet, Dictionary<long, long> stateVector)
    {
        DeleteSet = deleteSet;
        StateVectorDict = stateVector;
    }

    internal readonly Dictionary<long, long> StateVectorDict;

    /// <summary>The delete set.</summary>
    public DeleteSet DeleteSet { get; }

    /// <summary>The state vector.</summary>
    public IReadOnlyDictionary<long, long> StateVector => StateVectorDict;

    internal bool IsVisible(Item item) =>
        StateVectorDict.TryGetValue(item.Client, out var clock) && clock > item.Clock && !DeleteSet.Contains(item.Id);

    internal static bool IsVisible(Item item, Snapshot? snapshot) => snapshot is null ? !item.IsDeleted : snapshot.IsVisible(item);

    /// <summary>Whether two snapshots denote the same state.</summary>
    public bool ContentEquals(Snapshot other)
    {
        if (StateVectorDict.Count != other.StateVectorDict.Count) return false;
        foreach (var (c, k) in StateVectorDict) if (!other.StateVectorDict.TryGetValue(c, out var k2) || k != k2) return false;
        if (DeleteSet.Ranges.Count != other.DeleteSet.Ranges.Count) return false;
        foreach (var (c, list) in DeleteSet.Ranges)
        {
            if (!other.DeleteSet.Ranges.TryGetValue(c, out var l2) || l2.Count != list.Count) return false;
            for (int i = 0; i < list.Count; i++) if (list[i] != l2[i]) return false;
        }
        return true;
    }

    internal byte[] Encode()
    {
        using var w = new Lib0Writer();
        DeleteSet.Write(w);
        StateVectors.Write(w, StateVectorDict);
        return w.ToArray();
    }

    internal static Snapshot Decode(ReadOnlySpan<byte> bytes)
    {
        var r = new Lib0Reader(bytes);
        var ds = DeleteSet.Read(ref r);
        var sv = StateVectors.Read(ref r);
        return new Snapshot(ds, sv);
    }

    internal void SplitAffectedStructs(Transaction tr)
    {
        var store = tr.Doc.Store;
        foreach (var (client, clock) in StateVectorDict)
        {
            if (clock < store.GetState(client)) store.GetItemCleanStart(tr, new Id(client, clock));
        }
        YText.IterateDeletedStructs(tr, DeleteSet, static _ => { });
    }
}
