namespace ParisCoDraft.Storage;

/// <summary>
/// What the store holds of a bill's document: the last snapshot (a Yjs v1 update holding the whole state
/// up to <see cref="SnapshotSequence"/>) and the updates appended after it, in sequence order.
/// </summary>
public sealed record DocumentLog(byte[]? Snapshot, long SnapshotSequence, IReadOnlyList<StoredUpdate> Updates)
{
    /// <summary>The highest sequence number contained in this log (snapshot included).</summary>
    public long LastSequence => Updates.Count == 0 ? SnapshotSequence : Updates[^1].Sequence;
}
