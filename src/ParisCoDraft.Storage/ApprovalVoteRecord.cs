namespace ParisCoDraft.Storage;

/// <summary>The final vote on a bill, on the exact text whose SHA-256 is recorded.</summary>
public sealed record ApprovalVoteRecord(
    string Id,
    string BillId,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string TextSha256,
    string Rule,
    int Eligible,
    string? ClosedBy = null,
    DateTimeOffset? ClosedAt = null,
    string? OutcomeJson = null);
