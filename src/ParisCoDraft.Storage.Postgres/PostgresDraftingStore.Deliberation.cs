using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore : IDeliberationStore
{
    /// <inheritdoc />
    public async Task<DeliberationRecords> LoadDeliberationAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        DeliberationSettingsRecord? settings = null;
        await ReadAsync(connection, tx, "SELECT consensus_rule, approval_rule, agenda, focus_clause_id, updated FROM deliberation_settings WHERE bill_id = @bill;",
            billId, r => settings = new DeliberationSettingsRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), FromUnixMs(r.GetInt64(4))),
            cancellationToken).ConfigureAwait(false);

        var comments = new List<CommentRecord>();
        await ReadAsync(connection, tx,
            """
            SELECT id, clause_id, amendment_id, parent_id, author_id, author_name, author_role, body, field, anchor_start, anchor_end,
                   quote, created, edited, resolved, resolved_by, hidden, hidden_by, hidden_reason, deleted
            FROM comments WHERE bill_id = @bill ORDER BY created, id;
            """, billId, r => comments.Add(new CommentRecord(
                r.GetString(0), billId, r.GetString(1), NullableString(r, 2), NullableString(r, 3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetString(7), NullableString(r, 8), NullableBlob(r, 9), NullableBlob(r, 10), NullableString(r, 11), FromUnixMs(r.GetInt64(12)),
                NullableTime(r, 13), NullableTime(r, 14), NullableString(r, 15), NullableTime(r, 16), NullableString(r, 17), NullableString(r, 18),
                NullableTime(r, 19))), cancellationToken).ConfigureAwait(false);

        var stances = new List<StanceRecord>();
        await ReadAsync(connection, tx,
            "SELECT target_id, participant_id, display_name, role, stance, reason, text_hash, given_at FROM stances WHERE bill_id = @bill ORDER BY given_at;",
            billId, r => stances.Add(new StanceRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                NullableString(r, 5), r.GetString(6), FromUnixMs(r.GetInt64(7)))), cancellationToken).ConfigureAwait(false);

        var amendments = new List<AmendmentRecord>();
        await ReadAsync(connection, tx,
            """
            SELECT id, clause_id, after_clause_id, heading, body, rationale, base_heading, base_body, author_id, author_name, author_role,
                   created, status, decided_by, decided_at, decision_note, adopted_clause_id
            FROM amendments WHERE bill_id = @bill ORDER BY created, id;
            """, billId, r => amendments.Add(new AmendmentRecord(
                r.GetString(0), billId, NullableString(r, 1), NullableString(r, 2), r.GetString(3), r.GetString(4), NullableString(r, 5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), FromUnixMs(r.GetInt64(11)), r.GetString(12),
                NullableString(r, 13), NullableTime(r, 14), NullableString(r, 15), NullableString(r, 16))), cancellationToken).ConfigureAwait(false);

        var locks = new List<ClauseLockRecord>();
        await ReadAsync(connection, tx, "SELECT clause_id, reason, locked_by, locked_at FROM clause_locks WHERE bill_id = @bill ORDER BY locked_at;",
            billId, r => locks.Add(new ClauseLockRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)))),
            cancellationToken).ConfigureAwait(false);

        var rounds = new List<ConsensusRoundRecord>();
        await ReadAsync(connection, tx,
            "SELECT id, clause_id, opened_by, opened_at, closed_by, closed_at, result FROM consensus_rounds WHERE bill_id = @bill ORDER BY opened_at, id;",
            billId, r => rounds.Add(new ConsensusRoundRecord(r.GetString(0), billId, r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)),
                NullableString(r, 4), NullableTime(r, 5), NullableString(r, 6))), cancellationToken).ConfigureAwait(false);

        var votes = new List<ApprovalVoteRecord>();
        await ReadAsync(connection, tx,
            "SELECT id, opened_by, opened_at, text_sha256, rule, eligible, closed_by, closed_at, outcome FROM approval_votes WHERE bill_id = @bill ORDER BY opened_at, id;",
            billId, r => votes.Add(new ApprovalVoteRecord(r.GetString(0), billId, r.GetString(1), FromUnixMs(r.GetInt64(2)), r.GetString(3), r.GetString(4),
                r.GetInt32(5), NullableString(r, 6), NullableTime(r, 7), NullableString(r, 8))), cancellationToken).ConfigureAwait(false);

        var ballots = new List<ApprovalBallotRecord>();
        await ReadAsync(connection, tx,
            """
            SELECT b.vote_id, b.participant_id, b.display_name, b.approves, b.cast_at, b.text_sha256
            FROM approval_ballots b JOIN approval_votes v ON v.id = b.vote_id WHERE v.bill_id = @bill ORDER BY b.cast_at;
            """, billId, r => ballots.Add(new ApprovalBallotRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3),
                FromUnixMs(r.GetInt64(4)), r.GetString(5))), cancellationToken).ConfigureAwait(false);

        var revision = await RevisionAsync(connection, tx, billId, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DeliberationRecords(settings, comments, stances, amendments, locks, rounds, votes, ballots, revision);
    }

    /// <inheritdoc />
    public async Task<long> DeliberationRevisionAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RevisionAsync(connection, null, billId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> HoldDeliberationAsync(string billId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var hold = new DeliberationHold(connection, BillLockKey("deliberation:" + billId));
            await hold.TakeAsync(cancellationToken).ConfigureAwait(false);
            return hold;
        }
        catch (Exception e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (e is NpgsqlException) throw new StoreException($"Cannot hold the deliberation of bill {billId}: {e.Message}", e);
            throw;
        }
    }

    private static async Task<long> RevisionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string billId, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT revision FROM deliberation_revisions WHERE bill_id = @bill;");
        cmd.Parameters.AddWithValue("bill", billId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : 0;
    }

    /// <inheritdoc />
    public Task SaveCommentAsync(CommentRecord c, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO comments (id, bill_id, clause_id, amendment_id, parent_id, author_id, author_name, author_role, body, field,
                                  anchor_start, anchor_end, quote, created, edited, resolved, resolved_by, hidden, hidden_by, hidden_reason, deleted)
            VALUES (@id, @bill, @clause, @amendment, @parent, @author, @authorName, @authorRole, @body, @field,
                    @start, @end, @quote, @created, @edited, @resolved, @resolvedBy, @hidden, @hiddenBy, @hiddenReason, @deleted)
            ON CONFLICT(id) DO UPDATE SET body = excluded.body, edited = excluded.edited, resolved = excluded.resolved,
                resolved_by = excluded.resolved_by, hidden = excluded.hidden, hidden_by = excluded.hidden_by,
                hidden_reason = excluded.hidden_reason, deleted = excluded.deleted;
            """, p =>
        {
            p.AddWithValue("id", c.Id);
            p.AddWithValue("bill", c.BillId);
            p.AddWithValue("clause", c.ClauseId);
            p.AddWithValue("amendment", Db(c.AmendmentId));
            p.AddWithValue("parent", Db(c.ParentId));
            p.AddWithValue("author", c.AuthorId);
            p.AddWithValue("authorName", c.AuthorName);
            p.AddWithValue("authorRole", c.AuthorRole);
            p.AddWithValue("body", c.Body);
            p.AddWithValue("field", Db(c.Field));
            p.AddWithValue("start", (object?)c.AnchorStart ?? DBNull.Value);
            p.AddWithValue("end", (object?)c.AnchorEnd ?? DBNull.Value);
            p.AddWithValue("quote", Db(c.Quote));
            p.AddWithValue("created", ToUnixMs(c.Created));
            p.AddWithValue("edited", Db(c.Edited));
            p.AddWithValue("resolved", Db(c.Resolved));
            p.AddWithValue("resolvedBy", Db(c.ResolvedBy));
            p.AddWithValue("hidden", Db(c.Hidden));
            p.AddWithValue("hiddenBy", Db(c.HiddenBy));
            p.AddWithValue("hiddenReason", Db(c.HiddenReason));
            p.AddWithValue("deleted", Db(c.Deleted));
        });

    /// <inheritdoc />
    public Task SaveStanceAsync(StanceRecord s, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO stances (bill_id, target_id, participant_id, display_name, role, stance, reason, text_hash, given_at)
            VALUES (@bill, @target, @participant, @name, @role, @stance, @reason, @hash, @given)
            ON CONFLICT(bill_id, target_id, participant_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                stance = excluded.stance, reason = excluded.reason, text_hash = excluded.text_hash, given_at = excluded.given_at;
            """, p =>
        {
            p.AddWithValue("bill", s.BillId);
            p.AddWithValue("target", s.TargetId);
            p.AddWithValue("participant", s.ParticipantId);
            p.AddWithValue("name", s.DisplayName);
            p.AddWithValue("role", s.Role);
            p.AddWithValue("stance", s.Stance);
            p.AddWithValue("reason", Db(s.Reason));
            p.AddWithValue("hash", s.TextHash);
            p.AddWithValue("given", ToUnixMs(s.GivenAt));
        });

    /// <inheritdoc />
    public async Task<bool> DeleteStanceAsync(string billId, string targetId, string participantId, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(audit, cancellationToken,
            "DELETE FROM stances WHERE bill_id = @bill AND target_id = @target AND participant_id = @participant;", p =>
            {
                p.AddWithValue("bill", billId);
                p.AddWithValue("target", targetId);
                p.AddWithValue("participant", participantId);
            }, auditOnlyIfChanged: true).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task SaveAmendmentAsync(AmendmentRecord a, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO amendments (id, bill_id, clause_id, after_clause_id, heading, body, rationale, base_heading, base_body, author_id,
                                    author_name, author_role, created, status, decided_by, decided_at, decision_note, adopted_clause_id)
            VALUES (@id, @bill, @clause, @after, @heading, @body, @rationale, @baseHeading, @baseBody, @author,
                    @authorName, @authorRole, @created, @status, @decidedBy, @decidedAt, @note, @adopted)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
                decision_note = excluded.decision_note, adopted_clause_id = excluded.adopted_clause_id;
            """, p =>
        {
            p.AddWithValue("id", a.Id);
            p.AddWithValue("bill", a.BillId);
            p.AddWithValue("clause", Db(a.ClauseId));
            p.AddWithValue("after", Db(a.AfterClauseId));
            p.AddWithValue("heading", a.Heading);
            p.AddWithValue("body", a.Body);
            p.AddWithValue("rationale", Db(a.Rationale));
            p.AddWithValue("baseHeading", a.BaseHeading);
            p.AddWithValue("baseBody", a.BaseBody);
            p.AddWithValue("author", a.AuthorId);
            p.AddWithValue("authorName", a.AuthorName);
            p.AddWithValue("authorRole", a.AuthorRole);
            p.AddWithValue("created", ToUnixMs(a.Created));
            p.AddWithValue("status", a.Status);
            p.AddWithValue("decidedBy", Db(a.DecidedBy));
            p.AddWithValue("decidedAt", Db(a.DecidedAt));
            p.AddWithValue("note", Db(a.DecisionNote));
            p.AddWithValue("adopted", Db(a.AdoptedClauseId));
        });

    /// <inheritdoc />
    public Task SaveSettingsAsync(DeliberationSettingsRecord s, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO deliberation_settings (bill_id, consensus_rule, approval_rule, agenda, focus_clause_id, updated)
            VALUES (@bill, @rule, @approval, @agenda, @focus, @updated)
            ON CONFLICT(bill_id) DO UPDATE SET consensus_rule = excluded.consensus_rule, approval_rule = excluded.approval_rule,
                agenda = excluded.agenda, focus_clause_id = excluded.focus_clause_id, updated = excluded.updated;
            """, p =>
        {
            p.AddWithValue("bill", s.BillId);
            p.AddWithValue("rule", s.ConsensusRuleJson);
            p.AddWithValue("approval", s.ApprovalRule);
            p.AddWithValue("agenda", s.AgendaJson);
            p.AddWithValue("focus", Db(s.FocusClauseId));
            p.AddWithValue("updated", ToUnixMs(s.Updated));
        });

    /// <inheritdoc />
    public Task SaveLockAsync(ClauseLockRecord l, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO clause_locks (bill_id, clause_id, reason, locked_by, locked_at) VALUES (@bill, @clause, @reason, @by, @at)
            ON CONFLICT(bill_id, clause_id) DO UPDATE SET reason = excluded.reason, locked_by = excluded.locked_by, locked_at = excluded.locked_at;
            """, p =>
        {
            p.AddWithValue("bill", l.BillId);
            p.AddWithValue("clause", l.ClauseId);
            p.AddWithValue("reason", l.Reason);
            p.AddWithValue("by", l.LockedBy);
            p.AddWithValue("at", ToUnixMs(l.LockedAt));
        });

    /// <inheritdoc />
    public async Task<bool> DeleteLockAsync(string billId, string clauseId, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(audit, cancellationToken, "DELETE FROM clause_locks WHERE bill_id = @bill AND clause_id = @clause;", p =>
        {
            p.AddWithValue("bill", billId);
            p.AddWithValue("clause", clauseId);
        }, auditOnlyIfChanged: true).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task SaveRoundAsync(ConsensusRoundRecord r, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO consensus_rounds (id, bill_id, clause_id, opened_by, opened_at, closed_by, closed_at, result)
            VALUES (@id, @bill, @clause, @openedBy, @openedAt, @closedBy, @closedAt, @result)
            ON CONFLICT(id) DO UPDATE SET closed_by = excluded.closed_by, closed_at = excluded.closed_at, result = excluded.result;
            """, p =>
        {
            p.AddWithValue("id", r.Id);
            p.AddWithValue("bill", r.BillId);
            p.AddWithValue("clause", r.ClauseId);
            p.AddWithValue("openedBy", r.OpenedBy);
            p.AddWithValue("openedAt", ToUnixMs(r.OpenedAt));
            p.AddWithValue("closedBy", Db(r.ClosedBy));
            p.AddWithValue("closedAt", Db(r.ClosedAt));
            p.AddWithValue("result", Db(r.ResultJson));
        });

    /// <inheritdoc />
    public Task SaveVoteAsync(ApprovalVoteRecord v, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO approval_votes (id, bill_id, opened_by, opened_at, text_sha256, rule, eligible, closed_by, closed_at, outcome)
            VALUES (@id, @bill, @openedBy, @openedAt, @sha, @rule, @eligible, @closedBy, @closedAt, @outcome)
            ON CONFLICT(id) DO UPDATE SET closed_by = excluded.closed_by, closed_at = excluded.closed_at, outcome = excluded.outcome;
            """, p =>
        {
            p.AddWithValue("id", v.Id);
            p.AddWithValue("bill", v.BillId);
            p.AddWithValue("openedBy", v.OpenedBy);
            p.AddWithValue("openedAt", ToUnixMs(v.OpenedAt));
            p.AddWithValue("sha", v.TextSha256);
            p.AddWithValue("rule", v.Rule);
            p.AddWithValue("eligible", v.Eligible);
            p.AddWithValue("closedBy", Db(v.ClosedBy));
            p.AddWithValue("closedAt", Db(v.ClosedAt));
            p.AddWithValue("outcome", Db(v.OutcomeJson));
        });

    /// <inheritdoc />
    public Task SaveBallotAsync(ApprovalBallotRecord b, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO approval_ballots (vote_id, participant_id, display_name, approves, cast_at, text_sha256)
            VALUES (@vote, @participant, @name, @approves, @cast, @sha)
            ON CONFLICT(vote_id, participant_id) DO UPDATE SET approves = excluded.approves, cast_at = excluded.cast_at,
                text_sha256 = excluded.text_sha256, display_name = excluded.display_name;
            """, p =>
        {
            p.AddWithValue("vote", b.VoteId);
            p.AddWithValue("participant", b.ParticipantId);
            p.AddWithValue("name", b.DisplayName);
            p.AddWithValue("approves", b.Approves);
            p.AddWithValue("cast", ToUnixMs(b.CastAt));
            p.AddWithValue("sha", b.TextSha256);
        });

    // One statement and its audit line in one transaction; returns the rows the statement changed.
    private Task WriteAsync(AuditEntry audit, CancellationToken cancellationToken, string sql, Action<NpgsqlParameterCollection> bind) =>
        WriteAsync(audit, cancellationToken, sql, bind, auditOnlyIfChanged: false);

    private async Task<int> WriteAsync(AuditEntry audit, CancellationToken cancellationToken, string sql, Action<NpgsqlParameterCollection> bind, bool auditOnlyIfChanged)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            int changed;
            await using (var cmd = Command(connection, tx, sql))
            {
                bind(cmd.Parameters);
                changed = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (changed > 0 || !auditOnlyIfChanged)
            {
                await InsertAuditAsync(connection, tx, audit, cancellationToken).ConfigureAwait(false);
                // The revision and its notice (sent on commit) go with the change: the other processes reload
                // the bill's deliberation when they hear of it.
                await using var bump = Command(connection, tx, """
                    INSERT INTO deliberation_revisions (bill_id, revision) VALUES (@bill, 1)
                    ON CONFLICT(bill_id) DO UPDATE SET revision = deliberation_revisions.revision + 1 RETURNING revision;
                    """);
                bump.Parameters.AddWithValue("bill", audit.BillId);
                var revision = (long)(await bump.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                await using var notify = Command(connection, tx, "SELECT pg_notify(@channel, @payload);");
                notify.Parameters.AddWithValue("channel", DeliberationChannel);
                notify.Parameters.AddWithValue("payload", new DeliberationNotice(Origin, audit.BillId, revision).Format());
                await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"Cannot write the deliberation record ({audit.Action}) of bill {audit.BillId}: {e.Message}", e);
        }
    }

    private static async Task ReadAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, string billId, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, sql);
        cmd.Parameters.AddWithValue("bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) row(reader);
    }
}
