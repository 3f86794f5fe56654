namespace ParisCoDraft.Storage;

/// <summary>A document update waiting to be appended to a bill's log.</summary>
public readonly record struct UpdateToAppend(string BillId, byte[] Data);
