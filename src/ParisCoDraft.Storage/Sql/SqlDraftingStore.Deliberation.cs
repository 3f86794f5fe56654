using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <summary>
    /// Called in a deliberation write's transaction, after the bill's revision moved to <paramref name="revision"/>:
    /// PostgreSQL announces it to the other processes (<c>NOTIFY</c>, delivered on commit). SQLite serves one
    /// process and has no one to tell.
    /// </summary>
    private protected virtual Task DeliberationChangedAsync(
        DbConnection connection, DbTransaction tx, string billId, long revision, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc cref="IDeliberationStore.SaveCommentAsync"/>
    public Task SaveCommentAsync(CommentRecord c, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO comments (id, bill_id, clause_id, amendment_id, parent_id, author_id, author_name, author_role, body, field,
                                  anchor_start, anchor_end, quote, created, edited, resolved, resolved_by, hidden, hidden_by, hidden_reason, deleted)
            VALUES (@id, @bill, @clause, @amendment, @parent, @author, @authorName, @authorRole, @body, @field,
                    @start, @end, @quote, @created, @edited, @resolved, @resolvedBy, @hidden, @hiddenBy, @hiddenReason, @deleted)
            ON CONFLICT(id) DO UPDATE SET body = excluded.body, edited = excluded.edited, resolved = excluded.resolved,
                resolved_by = excluded.resolved_by, hidden = excluded.hidden, hidden_by = excluded.hidden_by,
                hidden_reason = excluded.hidden_reason, deleted = excluded.deleted;
            """, cmd => cmd
            .With("@id", c.Id).With("@bill", c.BillId).With("@clause", c.ClauseId).With("@amendment", c.AmendmentId)
            .With("@parent", c.ParentId).With("@author", c.AuthorId).With("@authorName", c.AuthorName).With("@authorRole", c.AuthorRole)
            .With("@body", c.Body).With("@field", c.Field).With("@start", c.AnchorStart).With("@end", c.AnchorEnd).With("@quote", c.Quote)
            .With("@created", c.Created).With("@edited", c.Edited).With("@resolved", c.Resolved).With("@resolvedBy", c.ResolvedBy)
            .With("@hidden", c.Hidden).With("@hiddenBy", c.HiddenBy).With("@hiddenReason", c.HiddenReason).With("@deleted", c.Deleted));

    /// <inheritdoc cref="IDeliberationStore.SaveStanceAsync"/>
    public Task SaveStanceAsync(StanceRecord s, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO stances (bill_id, target_id, participant_id, display_name, role, stance, reason, text_hash, given_at)
            VALUES (@bill, @target, @participant, @name, @role, @stance, @reason, @hash, @given)
            ON CONFLICT(bill_id, target_id, participant_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                stance = excluded.stance, reason = excluded.reason, text_hash = excluded.text_hash, given_at = excluded.given_at;
            """, cmd => cmd
            .With("@bill", s.BillId).With("@target", s.TargetId).With("@participant", s.ParticipantId).With("@name", s.DisplayName)
            .With("@role", s.Role).With("@stance", s.Stance).With("@reason", s.Reason).With("@hash", s.TextHash).With("@given", s.GivenAt));

    /// <inheritdoc cref="IDeliberationStore.DeleteStanceAsync"/>
    public async Task<bool> DeleteStanceAsync(string billId, string targetId, string participantId, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(audit, cancellationToken,
            "DELETE FROM stances WHERE bill_id = @bill AND target_id = @target AND participant_id = @participant;",
            cmd => cmd.With("@bill", billId).With("@target", targetId).With("@participant", participantId),
            auditOnlyIfChanged: true).ConfigureAwait(false) > 0;

    /// <inheritdoc cref="IDeliberationStore.SaveAmendmentAsync"/>
    public Task SaveAmendmentAsync(AmendmentRecord a, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO amendments (id, bill_id, clause_id, after_clause_id, heading, body, rationale, base_heading, base_body, author_id,
                                    author_name, author_role, created, status, decided_by, decided_at, decision_note, adopted_clause_id)
            VALUES (@id, @bill, @clause, @after, @heading, @body, @rationale, @baseHeading, @baseBody, @author,
                    @authorName, @authorRole, @created, @status, @decidedBy, @decidedAt, @note, @adopted)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
                decision_note = excluded.decision_note, adopted_clause_id = excluded.adopted_clause_id;
            """, cmd => cmd
            .With("@id", a.Id).With("@bill", a.BillId).With("@clause", a.ClauseId).With("@after", a.AfterClauseId)
            .With("@heading", a.Heading).With("@body", a.Body).With("@rationale", a.Rationale).With("@baseHeading", a.BaseHeading)
            .With("@baseBody", a.BaseBody).With("@author", a.AuthorId).With("@authorName", a.AuthorName).With("@authorRole", a.AuthorRole)
            .With("@created", a.Created).With("@status", a.Status).With("@decidedBy", a.DecidedBy).With("@decidedAt", a.DecidedAt)
            .With("@note", a.DecisionNote).With("@adopted", a.AdoptedClauseId));

    /// <inheritdoc cref="IDeliberationStore.SaveSettingsAsync"/>
    public Task SaveSettingsAsync(DeliberationSettingsRecord s, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO deliberation_settings (bill_id, consensus_rule, approval_rule, agenda, focus_clause_id, updated)
            VALUES (@bill, @rule, @approval, @agenda, @focus, @updated)
            ON CONFLICT(bill_id) DO UPDATE SET consensus_rule = excluded.consensus_rule, approval_rule = excluded.approval_rule,
                agenda = excluded.agenda, focus_clause_id = excluded.focus_clause_id, updated = excluded.updated;
            """, cmd => cmd
            .With("@bill", s.BillId).With("@rule", s.ConsensusRuleJson).With("@approval", s.ApprovalRule).With("@agenda", s.AgendaJson)
            .With("@focus", s.FocusClauseId).With("@updated", s.Updated));

    /// <inheritdoc cref="IDeliberationStore.SaveLockAsync"/>
    public Task SaveLockAsync(ClauseLockRecord l, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO clause_locks (bill_id, clause_id, reason, locked_by, locked_at) VALUES (@bill, @clause, @reason, @by, @at)
            ON CONFLICT(bill_id, clause_id) DO UPDATE SET reason = excluded.reason, locked_by = excluded.locked_by, locked_at = excluded.locked_at;
            """, cmd => cmd
            .With("@bill", l.BillId).With("@clause", l.ClauseId).With("@reason", l.Reason).With("@by", l.LockedBy).With("@at", l.LockedAt));

    /// <inheritdoc cref="IDeliberationStore.DeleteLockAsync"/>
    public async Task<bool> DeleteLockAsync(string billId, string clauseId, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(audit, cancellationToken, "DELETE FROM clause_locks WHERE bill_id = @bill AND clause_id = @clause;",
            cmd => cmd.With("@bill", billId).With("@clause", clauseId), auditOnlyIfChanged: true).ConfigureAwait(false) > 0;

    /// <inheritdoc cref="IDeliberationStore.SaveRoundAsync"/>
    public Task SaveRoundAsync(ConsensusRoundRecord r, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO consensus_rounds (id, bill_id, clause_id, opened_by, opened_at, closed_by, closed_at, result)
            VALUES (@id, @bill, @clause, @openedBy, @openedAt, @closedBy, @closedAt, @result)
            ON CONFLICT(id) DO UPDATE SET closed_by = excluded.closed_by, closed_at = excluded.closed_at, result = excluded.result;
            """, cmd => cmd
            .With("@id", r.Id).With("@bill", r.BillId).With("@clause", r.ClauseId).With("@openedBy", r.OpenedBy).With("@openedAt", r.OpenedAt)
            .With("@closedBy", r.ClosedBy).With("@closedAt", r.ClosedAt).With("@result", r.ResultJson));

    /// <inheritdoc cref="IDeliberationStore.SaveVoteAsync"/>
    public Task SaveVoteAsync(ApprovalVoteRecord v, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO approval_votes (id, bill_id, opened_by, opened_at, text_sha256, rule, eligible, closed_by, closed_at, outcome)
            VALUES (@id, @bill, @openedBy, @openedAt, @sha, @rule, @eligible, @closedBy, @closedAt, @outcome)
            ON CONFLICT(id) DO UPDATE SET closed_by = excluded.closed_by, closed_at = excluded.closed_at, outcome = excluded.outcome;
            """, cmd => cmd
            .With("@id", v.Id).With("@bill", v.BillId).With("@openedBy", v.OpenedBy).With("@openedAt", v.OpenedAt).With("@sha", v.TextSha256)
            .With("@rule", v.Rule).With("@eligible", v.Eligible).With("@closedBy", v.ClosedBy).With("@closedAt", v.ClosedAt)
            .With("@outcome", v.OutcomeJson));

    /// <inheritdoc cref="IDeliberationStore.SaveBallotAsync"/>
    public Task SaveBallotAsync(ApprovalBallotRecord b, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO approval_ballots (vote_id, participant_id, display_name, approves, cast_at, text_sha256)
            VALUES (@vote, @participant, @name, @approves, @cast, @sha)
            ON CONFLICT(vote_id, participant_id) DO UPDATE SET approves = excluded.approves, cast_at = excluded.cast_at,
                text_sha256 = excluded.text_sha256, display_name = excluded.display_name;
            """, cmd => cmd
            .With("@vote", b.VoteId).With("@participant", b.ParticipantId).With("@name", b.DisplayName).With("@approves", b.Approves)
            .With("@cast", b.CastAt).With("@sha", b.TextSha256));

    // One statement and its audit line in one transaction; returns the rows the statement changed.
    private Task WriteAsync(AuditEntry audit, CancellationToken cancellationToken, string sql, Action<DbCommand> bind) =>
        WriteAsync(audit, cancellationToken, sql, bind, auditOnlyIfChanged: false);

    private async Task<int> WriteAsync(AuditEntry audit, CancellationToken cancellationToken, string sql, Action<DbCommand> bind, bool auditOnlyIfChanged)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            int changed;
            await using (var cmd = Command(connection, tx, sql))
            {
                bind(cmd);
                changed = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (changed > 0 || !auditOnlyIfChanged)
            {
                await InsertAuditAsync(connection, tx, audit, cancellationToken).ConfigureAwait(false);
                long revision;
                await using (var bump = Command(connection, tx, """
                                 INSERT INTO deliberation_revisions (bill_id, revision) VALUES (@bill, 1)
                                 ON CONFLICT(bill_id) DO UPDATE SET revision = deliberation_revisions.revision + 1 RETURNING revision;
                                 """).With("@bill", audit.BillId))
                {
                    revision = (long)(await bump.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }
                await DeliberationChangedAsync(connection, tx, audit.BillId, revision, cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
        catch (DbException e)
        {
            throw new StoreException($"Cannot write the deliberation record ({audit.Action}) of bill {audit.BillId}: {e.Message}", e);
        }
    }
}
