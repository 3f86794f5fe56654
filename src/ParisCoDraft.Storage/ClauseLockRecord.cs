namespace ParisCoDraft.Storage;

/// <summary>A locked clause: its text may not change until unlocked.</summary>
public sealed record ClauseLockRecord(string BillId, string ClauseId, string Reason, string LockedBy, DateTimeOffset LockedAt);
