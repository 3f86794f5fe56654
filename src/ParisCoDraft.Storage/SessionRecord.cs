namespace ParisCoDraft.Storage;

/// <summary>A browser session of a participant. Only the SHA-256 of the cookie token is stored.</summary>
public sealed record SessionRecord(byte[] TokenHash, string ParticipantId, DateTimeOffset Created);
