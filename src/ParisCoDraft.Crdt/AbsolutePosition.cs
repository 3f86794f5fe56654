namespace ParisCoDraft.Crdt;

/// <summary>A resolved position: a type and an index in it.</summary>
/// <param name="Type">The type.</param>
/// <param name="Index">The index.</param>
/// <param name="Assoc">The association of the relative position it came from.</param>
public sealed record AbsolutePosition(AbstractType Type, int Index, int Assoc = 0);
