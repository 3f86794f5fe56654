namespace ParisCoDraft.Crdt;

public static partial class Y
{
    /// <summary>
    /// The widest clock gap a document accepts before an update's first struct of a client (the gap is kept
    /// pending as a skip, whose length is an <see cref="int"/>); a wider one is refused with
    /// <see cref="UpdateDecodeException"/>. No client writes 2^31 items between two of its updates.
    /// </summary>
    public const long MaxClockGap = int.MaxValue;

    /// <summary>Merges v1 updates into one without loading a document (same bytes as yjs mergeUpdates).</summary>
    public static byte[] MergeUpdates(IEnumerable<byte[]> updates)
    {
        var list = updates as IReadOnlyList<byte[]> ?? updates.ToList();
        if (list.Count == 0) return [0, 0];
        return UpdateMerger.Merge(list);
    }

    /// <summary>The part of <paramref name="update"/> not covered by <paramref name="stateVector"/>.</summary>
    public static byte[] DiffUpdate(ReadOnlySpan<byte> update, ReadOnlySpan<byte> stateVector) => UpdateMerger.Diff(update, stateVector);

    /// <summary>The state vector an update would produce on an empty document.</summary>
    public static byte[] EncodeStateVectorFromUpdate(ReadOnlySpan<byte> update) => UpdateMerger.StateVectorFromUpdate(update);
}
