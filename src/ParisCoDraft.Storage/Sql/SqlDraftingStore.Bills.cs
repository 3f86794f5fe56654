using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <summary>
    /// Appended to the read of an invite before a join: PostgreSQL's <c>FOR SHARE</c>, so that a revocation
    /// running at that moment either finished (the join sees it) or waits for the join to commit (and then
    /// closes the session it added). SQLite needs nothing: its single writer already orders the two.
    /// </summary>
    private protected virtual string LockInviteForJoin => "";

    /// <inheritdoc cref="IDraftingStore.CreateBillAsync"/>
    public async Task CreateBillAsync(NewBill bill, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var cmd = Command(connection, tx, "INSERT INTO bills (id, title, created) VALUES (@id, @title, @created);")
                         .With("@id", bill.Bill.Id).With("@title", bill.Bill.Title).With("@created", bill.Bill.Created))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = Command(connection, tx, "INSERT INTO documents (bill_id, snapshot, snapshot_seq) VALUES (@id, @snapshot, 0);")
                         .With("@id", bill.Bill.Id).With("@snapshot", bill.InitialDocument))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var invite in bill.Invites) await InsertInviteAsync(connection, tx, invite, cancellationToken).ConfigureAwait(false);
        if (bill.Creator is not null) await InsertParticipantAsync(connection, tx, bill.Creator, cancellationToken).ConfigureAwait(false);
        if (bill.CreatorSession is not null) await InsertSessionAsync(connection, tx, bill.CreatorSession, cancellationToken).ConfigureAwait(false);
        if (bill.Audit is not null) await InsertAuditAsync(connection, tx, bill.Audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.GetBillAsync"/>
    public async Task<BillRecord?> GetBillAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, created FROM bills WHERE id = @id;").With("@id", billId);
        return await FirstAsync(cmd, r => new BillRecord(r.GetString(0), r.GetString(1), StoreRows.FromUnixMs(r.GetInt64(2))), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.SetBillTitleAsync"/>
    public async Task<bool> SetBillTitleAsync(string billId, string title, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        int rows;
        await using (var cmd = Command(connection, tx, "UPDATE bills SET title = @title WHERE id = @id;").With("@id", billId).With("@title", title))
        {
            rows = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows > 0;
    }

    /// <inheritdoc cref="IDraftingStore.CreateInviteAsync"/>
    public async Task CreateInviteAsync(InviteRecord invite, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await InsertInviteAsync(connection, null, invite, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.FindInviteAsync"/>
    public async Task<InviteRecord?> FindInviteAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE secret_hash = @hash;")
            .With("@hash", secretHash);
        return await FirstAsync(cmd, StoreRows.Invite, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.ListInvitesAsync"/>
    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE bill_id = @bill ORDER BY created, id;")
            .With("@bill", billId);
        return await ListAsync(cmd, StoreRows.Invite, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.RevokeInviteAsync"/>
    public async Task<RevokedInvite?> RevokeInviteAsync(string billId, string inviteId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        // The UPDATE locks the invite's row (PostgreSQL): a join through it waits for the revocation (see AddParticipantAsync).
        InviteRecord? invite;
        await using (var cmd = Command(connection, tx,
                         $"UPDATE invites SET revoked = coalesce(revoked, @when) WHERE id = @id AND bill_id = @bill RETURNING {StoreRows.InviteColumns};")
                         .With("@when", when).With("@id", inviteId).With("@bill", billId))
        {
            invite = await FirstAsync(cmd, StoreRows.Invite, cancellationToken).ConfigureAwait(false);
        }
        if (invite is null) return null;
        List<string> participants;
        await using (var cmd = Command(connection, tx,
                         """
                         UPDATE sessions SET revoked = @when
                         WHERE revoked IS NULL AND participant_id IN (SELECT id FROM participants WHERE invite_id = @id)
                         RETURNING participant_id;
                         """).With("@when", when).With("@id", inviteId))
        {
            participants = (await ListAsync(cmd, r => r.GetString(0), cancellationToken).ConfigureAwait(false)).Distinct().ToList();
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RevokedInvite(invite, participants);
    }

    /// <inheritdoc cref="IDraftingStore.AddParticipantAsync"/>
    public async Task<bool> AddParticipantAsync(ParticipantRecord participant, SessionRecord session, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (participant.InviteId is not null)
        {
            await using var cmd = Command(connection, tx, $"SELECT revoked IS NULL FROM invites WHERE id = @id AND bill_id = @bill{LockInviteForJoin};")
                .With("@id", participant.InviteId).With("@bill", participant.BillId);
            // PostgreSQL answers a boolean, SQLite an integer.
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (true or 1L)) return false;
        }
        await InsertParticipantAsync(connection, tx, participant, cancellationToken).ConfigureAwait(false);
        await InsertSessionAsync(connection, tx, session, cancellationToken).ConfigureAwait(false);
        if (audit is not null) await InsertAuditAsync(connection, tx, audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc cref="IDraftingStore.FindSessionParticipantAsync"/>
    public async Task<ParticipantRecord?> FindSessionParticipantAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"""
             SELECT {StoreRows.ParticipantColumns}
             FROM sessions s JOIN participants p ON p.id = s.participant_id
             LEFT JOIN invites i ON i.id = p.invite_id
             WHERE s.token_hash = @hash AND s.revoked IS NULL AND i.revoked IS NULL;
             """).With("@hash", tokenHash);
        return await FirstAsync(cmd, StoreRows.Participant, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.ListParticipantsAsync"/>
    public async Task<IReadOnlyList<ParticipantRecord>> ListParticipantsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"SELECT {StoreRows.ParticipantColumns} FROM participants p WHERE p.bill_id = @bill ORDER BY p.joined, p.id;").With("@bill", billId);
        return await ListAsync(cmd, StoreRows.Participant, cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertInviteAsync(DbConnection connection, DbTransaction? tx, InviteRecord invite, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
                "INSERT INTO invites (id, bill_id, role, secret_hash, created, revoked) VALUES (@id, @bill, @role, @hash, @created, @revoked);")
            .With("@id", invite.Id).With("@bill", invite.BillId).With("@role", invite.Role).With("@hash", invite.SecretHash)
            .With("@created", invite.Created).With("@revoked", invite.Revoked);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertParticipantAsync(DbConnection connection, DbTransaction tx, ParticipantRecord p, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
                "INSERT INTO participants (id, bill_id, display_name, role, invite_id, joined) VALUES (@id, @bill, @name, @role, @invite, @joined);")
            .With("@id", p.Id).With("@bill", p.BillId).With("@name", p.DisplayName).With("@role", p.Role)
            .With("@invite", p.InviteId).With("@joined", p.Joined);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertSessionAsync(DbConnection connection, DbTransaction tx, SessionRecord s, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
                "INSERT INTO sessions (token_hash, participant_id, created, revoked) VALUES (@hash, @participant, @created, NULL);")
            .With("@hash", s.TokenHash).With("@participant", s.ParticipantId).With("@created", s.Created);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
