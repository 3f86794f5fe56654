namespace ParisCoDraft.Storage;

/// <summary>
/// The deliberation's part of the store: comments, stances, amendments, settings, locks, rounds and
/// approval votes. Every change is written with its audit entry in one transaction, durable on return, and
/// adds one to the bill's deliberation revision in that transaction (a change that changes nothing, such as
/// withdrawing a stance that was not there, adds nothing).
/// </summary>
public interface IDeliberationStore
{
    /// <summary>Everything about a bill's deliberation (comments include hidden and deleted ones), with its revision, read at once.</summary>
    Task<DeliberationRecords> LoadDeliberationAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// The bill's deliberation revision now: 0 before its first change, one more with each change. A server
    /// compares it with the revision it loaded to know whether another process changed the bill since.
    /// </summary>
    Task<long> DeliberationRevisionAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the bill's deliberation for one action: until the returned handle is disposed, nobody else
    /// holding it through this database (any server process) gets it. PostgreSQL: a session advisory lock
    /// on a connection kept for the action. SQLite has one process, whose own per-bill mutex is enough:
    /// there the handle is given at once.
    /// </summary>
    Task<IAsyncDisposable> HoldDeliberationAsync(string billId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a comment (by id).</summary>
    Task SaveCommentAsync(CommentRecord comment, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a participant's stance on a target.</summary>
    Task SaveStanceAsync(StanceRecord stance, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Withdraws a participant's stance; false when there was none.</summary>
    Task<bool> DeleteStanceAsync(string billId, string targetId, string participantId, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an amendment (by id).</summary>
    Task SaveAmendmentAsync(AmendmentRecord amendment, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Writes the bill's settings and session state.</summary>
    Task SaveSettingsAsync(DeliberationSettingsRecord settings, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Locks a clause (or replaces the lock's reason).</summary>
    Task SaveLockAsync(ClauseLockRecord clauseLock, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Unlocks a clause; false when it was not locked.</summary>
    Task<bool> DeleteLockAsync(string billId, string clauseId, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a consensus round (by id).</summary>
    Task SaveRoundAsync(ConsensusRoundRecord round, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an approval vote (by id).</summary>
    Task SaveVoteAsync(ApprovalVoteRecord vote, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a ballot (one per member per vote).</summary>
    Task SaveBallotAsync(ApprovalBallotRecord ballot, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a participant's seat in the hybrid room (attendance, raised hand, floor).</summary>
    Task SaveRoomSeatAsync(RoomSeatRecord seat, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the floor to one participant (their raised hand leaves the queue) and takes it from whoever had it,
    /// in one statement; a null participant only takes it back. False when nothing changed.
    /// </summary>
    Task<bool> GiveFloorAsync(string billId, string? participantId, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken);
}
