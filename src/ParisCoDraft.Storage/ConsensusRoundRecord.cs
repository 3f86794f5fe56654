namespace ParisCoDraft.Storage;

/// <summary>A consensus round on one clause; <paramref name="ResultJson"/> is written when it closes.</summary>
public sealed record ConsensusRoundRecord(
    string Id,
    string BillId,
    string ClauseId,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? ClosedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? ResultJson = null);
