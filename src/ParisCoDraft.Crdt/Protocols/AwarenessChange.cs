namespace ParisCoDraft.Crdt.Protocols;

/// <summary>Clients whose awareness state was added, updated or removed, with the origin of the change.</summary>
public sealed class AwarenessChange(IReadOnlyList<long> added, IReadOnlyList<long> updated, IReadOnlyList<long> removed, object? origin) : EventArgs
{
    /// <summary>Clients that appeared.</summary>
    public IReadOnlyList<long> Added { get; } = added;

    /// <summary>Clients whose state changed (for <see cref="Awareness.Changed"/>) or was renewed (for <see cref="Awareness.Updated"/>).</summary>
    public IReadOnlyList<long> Updated { get; } = updated;

    /// <summary>Clients that left.</summary>
    public IReadOnlyList<long> Removed { get; } = removed;

    /// <summary>Origin ("local", "timeout" or what the caller passed).</summary>
    public object? Origin { get; } = origin;

    /// <summary>All clients touched.</summary>
    public IEnumerable<long> All => Added.Concat(Updated).Concat(Removed);
}
