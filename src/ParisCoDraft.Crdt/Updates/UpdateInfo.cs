namespace ParisCoDraft.Crdt;

/// <summary>The decoded content of an update, without applying it.</summary>
public sealed class UpdateInfo(IReadOnlyList<StructInfo> structs, DeleteSet deleteSet)
{
    /// <summary>All structs in wire order.</summary>
    public IReadOnlyList<StructInfo> Structs { get; } = structs;

    /// <summary>The delete set.</summary>
    public DeleteSet DeleteSet { get; } = deleteSet;
}
