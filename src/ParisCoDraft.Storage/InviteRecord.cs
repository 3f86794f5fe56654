namespace ParisCoDraft.Storage;

/// <summary>An invite link to a bill for one role. Only the SHA-256 of its secret is stored.</summary>
public sealed record InviteRecord(
    string Id,
    string BillId,
    string Role,
    byte[] SecretHash,
    DateTimeOffset Created,
    DateTimeOffset? Revoked);
