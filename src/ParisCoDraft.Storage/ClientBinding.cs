namespace ParisCoDraft.Storage;

/// <summary>A Yjs client id bound for good to the participant who writes under it.</summary>
public sealed record ClientBinding(long ClientId, string ParticipantId);
