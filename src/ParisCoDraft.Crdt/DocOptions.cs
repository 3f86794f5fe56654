namespace ParisCoDraft.Crdt;

/// <summary>Options of a <see cref="Doc"/>.</summary>
public sealed class DocOptions
{
    /// <summary>Client id (0 .. 2^53-1); random 32-bit value when null, like yjs.</summary>
    public long? ClientId { get; init; }

    /// <summary>Whether deleted content is garbage collected (yjs default true). Snapshots need false.</summary>
    public bool Gc { get; init; } = true;

    /// <summary>Document guid; random when null.</summary>
    public string? Guid { get; init; }

    /// <summary>
    /// Bound on structs kept pending (received before what they depend on). An update that would leave more
    /// than this many structs pending is rejected with <see cref="UpdateDecodeException"/> and not applied.
    /// </summary>
    public int MaxPendingStructs { get; init; } = 10_000;

    /// <summary>Bound on pending (not yet applicable) delete ranges, same rule as <see cref="MaxPendingStructs"/>.</summary>
    public int MaxPendingDeleteRanges { get; init; } = 100_000;
}
