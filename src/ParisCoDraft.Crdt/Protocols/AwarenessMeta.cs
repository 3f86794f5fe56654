namespace ParisCoDraft.Crdt.Protocols;

/// <summary>Per-client awareness clock and the time it was last renewed.</summary>
/// <param name="Clock">The awareness clock.</param>
/// <param name="LastUpdated">When an update for the client was last accepted.</param>
public readonly record struct AwarenessMeta(long Clock, DateTimeOffset LastUpdated);
