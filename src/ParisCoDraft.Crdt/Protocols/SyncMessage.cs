namespace ParisCoDraft.Crdt.Protocols;

/// <summary>A decoded y-protocols sync message: its type tag and payload (state vector or update).</summary>
/// <param name="Type">0 step1, 1 step2, 2 update.</param>
/// <param name="Payload">The state vector (step1) or the v1 update (step2, update).</param>
public readonly record struct SyncMessage(int Type, byte[] Payload);
