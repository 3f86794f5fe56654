namespace ParisCoDraft.Storage;

/// <summary>Everything written, in one transaction, when a bill is created.</summary>
/// <param name="InitialDocument">A Yjs v1 update with the bill's first text; it becomes the first snapshot.</param>
/// <param name="Creator">The person creating the bill (its facilitator), if any.</param>
/// <param name="CreatorSession">The creator's session, if any.</param>
public sealed record NewBill(
    BillRecord Bill,
    byte[] InitialDocument,
    IReadOnlyList<InviteRecord> Invites,
    ParticipantRecord? Creator,
    SessionRecord? CreatorSession,
    AuditEntry? Audit);
