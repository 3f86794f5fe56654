namespace ParisCoDraft.Crdt;

/// <summary>One decoded struct of an update, as reported by <see cref="Y.ReadUpdateInfo"/>.</summary>
public sealed record StructInfo(
    long Client,
    long Clock,
    int Length,
    StructKind Kind,
    Id? Origin,
    Id? RightOrigin,
    string? ParentName,
    Id? ParentId,
    string? ParentSub,
    int ContentRef)
{
    /// <summary>For items holding a nested type: the type ref (0 Array, 1 Map, 2 Text, 3 XmlElement, 4 XmlFragment, 5 XmlHook, 6 XmlText).</summary>
    public int? TypeRef { get; init; }
}
