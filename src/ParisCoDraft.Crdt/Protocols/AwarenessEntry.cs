namespace ParisCoDraft.Crdt.Protocols;

/// <summary>One client's entry in an awareness update. <see cref="Json"/> "null" means the client left.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="Clock">The client's awareness clock.</param>
/// <param name="Json">The state as JSON text.</param>
public readonly record struct AwarenessEntry(long ClientId, long Clock, string Json)
{
    /// <summary>Whether this entry removes the client's state.</summary>
    public bool IsRemoval => Json == "null";
}
