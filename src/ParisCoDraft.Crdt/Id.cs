namespace ParisCoDraft.Crdt;

/// <summary>Identifies one element (one UTF-16 unit / array element / map write) ever inserted: client id and clock.</summary>
/// <param name="Client">The creating client's id (up to 2^53-1).</param>
/// <param name="Clock">The client's logical clock at creation.</param>
public readonly record struct Id(long Client, long Clock);
