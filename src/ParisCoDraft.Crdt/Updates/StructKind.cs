namespace ParisCoDraft.Crdt;

/// <summary>Kind of struct in an update.</summary>
public enum StructKind
{
    /// <summary>An item with content.</summary>
    Item,
    /// <summary>A garbage-collected range.</summary>
    GC,
    /// <summary>A hole (only in merged updates).</summary>
    Skip,
}
