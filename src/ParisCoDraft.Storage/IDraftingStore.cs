namespace ParisCoDraft.Storage;

/// <summary>
/// The product's store, kept narrow so another engine (PostgreSQL) can stand in for SQLite: a document log
/// per bill (snapshot + appended updates + compaction) and the product's own tables (bills, invites,
/// participants, sessions, client-id bindings, audit log). Every method is safe to call concurrently.
/// </summary>
public interface IDraftingStore : IAsyncDisposable
{
    /// <summary>Where the data lives, for logs (a file path, a host name).</summary>
    string Location { get; }

    /// <summary>True when the data will not survive a restart (in-memory or temporary database).</summary>
    bool IsThrowaway { get; }

    /// <summary>True when the store answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    // ---- document log

    /// <summary>A bill's snapshot and the updates after it; null when the bill has no document.</summary>
    Task<DocumentLog?> LoadDocumentAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends updates (of any bills) in one transaction, durable on return, and returns their sequence
    /// numbers in the same order. Sequence numbers grow and are never reused.
    /// </summary>
    Task<IReadOnlyList<long>> AppendUpdatesAsync(IReadOnlyList<UpdateToAppend> updates, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a bill's snapshot with <paramref name="snapshot"/>, which holds every update up to
    /// <paramref name="upToSequence"/> included, and deletes those updates, in one transaction. Updates
    /// appended with a higher sequence stay. Returns false (and changes nothing) when the stored snapshot is
    /// already newer.
    /// </summary>
    Task<bool> CompactAsync(string billId, byte[] snapshot, long upToSequence, CancellationToken cancellationToken);

    // ---- bills, invites, participants, sessions

    /// <summary>Creates a bill with its first document, invites and creator, in one transaction.</summary>
    Task CreateBillAsync(NewBill bill, CancellationToken cancellationToken);

    /// <summary>A bill by id, or null.</summary>
    Task<BillRecord?> GetBillAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a bill's stored title (the copy of the document's <c>title</c> text that lists, invites and exports
    /// read). The caller trims and checks it; writing the same value twice is harmless. Returns false when the
    /// bill does not exist.
    /// </summary>
    Task<bool> SetBillTitleAsync(string billId, string title, CancellationToken cancellationToken);

    /// <summary>Adds an invite link.</summary>
    Task CreateInviteAsync(InviteRecord invite, CancellationToken cancellationToken);

    /// <summary>The invite whose secret has this SHA-256, revoked or not, or null.</summary>
    Task<InviteRecord?> FindInviteAsync(byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>A bill's invites, oldest first.</summary>
    Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes an invite and every session of the participants who joined through it, in one transaction.
    /// Null when the bill has no such invite; revoking twice returns the invite and no participants.
    /// </summary>
    Task<RevokedInvite?> RevokeInviteAsync(string billId, string inviteId, DateTimeOffset when, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a participant and their first session, in one transaction, provided their invite (if any) is
    /// not revoked. Returns false when it is.
    /// </summary>
    Task<bool> AddParticipantAsync(ParticipantRecord participant, SessionRecord session, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>The participant of a live session (neither it nor its invite revoked), or null.</summary>
    Task<ParticipantRecord?> FindSessionParticipantAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>A bill's participants, in joining order.</summary>
    Task<IReadOnlyList<ParticipantRecord>> ListParticipantsAsync(string billId, CancellationToken cancellationToken);

    // ---- Yjs client ids

    /// <summary>
    /// Binds each client id not yet bound in this bill to the participant, for good. Ids already bound to
    /// the participant count as bound; ids bound to someone else are reported as foreign.
    /// </summary>
    Task<ClientBindingResult> BindClientIdsAsync(string billId, string participantId, IReadOnlyList<long> clientIds, CancellationToken cancellationToken);

    // ---- audit

    /// <summary>Appends one audit entry.</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="limit"/> audit entries of a bill, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string billId, int limit, CancellationToken cancellationToken);
}
