namespace ParisCoDraft.Storage;

/// <summary>A document update in the log, with the store-wide sequence number it was given.</summary>
public sealed record StoredUpdate(long Sequence, byte[] Data);
