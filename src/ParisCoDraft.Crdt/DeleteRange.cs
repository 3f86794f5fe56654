namespace ParisCoDraft.Crdt;

/// <summary>A range of deleted clocks of one client.</summary>
/// <param name="Clock">First deleted clock.</param>
/// <param name="Length">Number of deleted clocks.</param>
public readonly record struct DeleteRange(long Clock, long Length);
