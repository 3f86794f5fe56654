using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <inheritdoc cref="IDeliberationStore.LoadDeliberationAsync"/>
    public async Task<DeliberationRecords> LoadDeliberationAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for every table and the revision, so the revision describes exactly what was read.
        await using var tx = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);

        var settings = (await ReadAsync(connection, tx,
            "SELECT consensus_rule, approval_rule, agenda, focus_clause_id, updated FROM deliberation_settings WHERE bill_id = @bill;",
            billId, r => new DeliberationSettingsRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), StoreRows.NullableString(r, 3),
                StoreRows.FromUnixMs(r.GetInt64(4))), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

        var comments = await ReadAsync(connection, tx,
            """
            SELECT id, clause_id, amendment_id, parent_id, author_id, author_name, author_role, body, field, anchor_start, anchor_end,
                   quote, created, edited, resolved, resolved_by, hidden, hidden_by, hidden_reason, deleted
            FROM comments WHERE bill_id = @bill ORDER BY created, id;
            """, billId, r => new CommentRecord(
                r.GetString(0), billId, r.GetString(1), StoreRows.NullableString(r, 2), StoreRows.NullableString(r, 3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7), StoreRows.NullableString(r, 8), StoreRows.NullableBlob(r, 9),
                StoreRows.NullableBlob(r, 10), StoreRows.NullableString(r, 11), StoreRows.FromUnixMs(r.GetInt64(12)), StoreRows.NullableTime(r, 13),
                StoreRows.NullableTime(r, 14), StoreRows.NullableString(r, 15), StoreRows.NullableTime(r, 16), StoreRows.NullableString(r, 17),
                StoreRows.NullableString(r, 18), StoreRows.NullableTime(r, 19)), cancellationToken).ConfigureAwait(false);

        var stances = await ReadAsync(connection, tx,
            "SELECT target_id, participant_id, display_name, role, stance, reason, text_hash, given_at FROM stances WHERE bill_id = @bill ORDER BY given_at;",
            billId, r => new StanceRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                StoreRows.NullableString(r, 5), r.GetString(6), StoreRows.FromUnixMs(r.GetInt64(7))), cancellationToken).ConfigureAwait(false);

        var amendments = await ReadAsync(connection, tx,
            """
            SELECT id, clause_id, after_clause_id, heading, body, rationale, base_heading, base_body, author_id, author_name, author_role,
                   created, status, decided_by, decided_at, decision_note, adopted_clause_id
            FROM amendments WHERE bill_id = @bill ORDER BY created, id;
            """, billId, r => new AmendmentRecord(
                r.GetString(0), billId, StoreRows.NullableString(r, 1), StoreRows.NullableString(r, 2), r.GetString(3), r.GetString(4),
                StoreRows.NullableString(r, 5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10),
                StoreRows.FromUnixMs(r.GetInt64(11)), r.GetString(12), StoreRows.NullableString(r, 13), StoreRows.NullableTime(r, 14),
                StoreRows.NullableString(r, 15), StoreRows.NullableString(r, 16)), cancellationToken).ConfigureAwait(false);

        var locks = await ReadAsync(connection, tx,
            "SELECT clause_id, reason, locked_by, locked_at FROM clause_locks WHERE bill_id = @bill ORDER BY locked_at;",
            billId, r => new ClauseLockRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), StoreRows.FromUnixMs(r.GetInt64(3))),
            cancellationToken).ConfigureAwait(false);

        var rounds = await ReadAsync(connection, tx,
            "SELECT id, clause_id, opened_by, opened_at, closed_by, closed_at, result FROM consensus_rounds WHERE bill_id = @bill ORDER BY opened_at, id;",
            billId, r => new ConsensusRoundRecord(r.GetString(0), billId, r.GetString(1), r.GetString(2), StoreRows.FromUnixMs(r.GetInt64(3)),
                StoreRows.NullableString(r, 4), StoreRows.NullableTime(r, 5), StoreRows.NullableString(r, 6)), cancellationToken).ConfigureAwait(false);

        var votes = await ReadAsync(connection, tx,
            """
            SELECT id, opened_by, opened_at, text_sha256, rule, eligible, closed_by, closed_at, outcome
            FROM approval_votes WHERE bill_id = @bill ORDER BY opened_at, id;
            """, billId, r => new ApprovalVoteRecord(r.GetString(0), billId, r.GetString(1), StoreRows.FromUnixMs(r.GetInt64(2)), r.GetString(3),
                r.GetString(4), r.GetInt32(5), StoreRows.NullableString(r, 6), StoreRows.NullableTime(r, 7), StoreRows.NullableString(r, 8)),
            cancellationToken).ConfigureAwait(false);

        // approves: boolean on PostgreSQL, 0/1 on SQLite; GetBoolean reads both.
        var ballots = await ReadAsync(connection, tx,
            """
            SELECT b.vote_id, b.participant_id, b.display_name, b.approves, b.cast_at, b.text_sha256
            FROM approval_ballots b JOIN approval_votes v ON v.id = b.vote_id WHERE v.bill_id = @bill ORDER BY b.cast_at;
            """, billId, r => new ApprovalBallotRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3),
                StoreRows.FromUnixMs(r.GetInt64(4)), r.GetString(5)), cancellationToken).ConfigureAwait(false);

        var seats = await ReadRoomSeatsAsync(connection, tx, billId, cancellationToken).ConfigureAwait(false);

        var revision = await RevisionAsync(connection, tx, billId, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DeliberationRecords(settings, comments, stances, amendments, locks, rounds, votes, ballots, revision, seats);
    }

    /// <inheritdoc cref="IDeliberationStore.DeliberationRevisionAsync"/>
    public async Task<long> DeliberationRevisionAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await RevisionAsync(connection, null, billId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> RevisionAsync(DbConnection connection, DbTransaction? tx, string billId, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT revision FROM deliberation_revisions WHERE bill_id = @bill;").With("@bill", billId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long revision ? revision : 0;
    }

    private static async Task<List<T>> ReadAsync<T>(
        DbConnection connection, DbTransaction tx, string sql, string billId, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, sql).With("@bill", billId);
        return await ListAsync(cmd, row, cancellationToken).ConfigureAwait(false);
    }
}
