namespace ParisCoDraft.Storage;

/// <summary>A person taking part in one bill, with the role of the link they came through.</summary>
/// <param name="InviteId">The invite used to join; null for the bill's creator.</param>
public sealed record ParticipantRecord(
    string Id,
    string BillId,
    string DisplayName,
    string Role,
    string? InviteId,
    DateTimeOffset Joined);
