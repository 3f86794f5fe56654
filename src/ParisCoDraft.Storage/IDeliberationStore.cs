namespace ParisCoDraft.Storage;

/// <summary>
/// The deliberation's part of the store (issue 4): comments, stances, amendments, settings, locks, rounds and
/// approval votes. Every change is written with its audit entry in one transaction, durable on return.
/// </summary>
public interface IDeliberationStore
{
    /// <summary>Everything about a bill's deliberation (comments include hidden and deleted ones).</summary>
    Task<DeliberationRecords> LoadDeliberationAsync(string billId, CancellationToken cancellationToken);

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
}
