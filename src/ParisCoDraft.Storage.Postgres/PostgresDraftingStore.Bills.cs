using Npgsql;
using NpgsqlTypes;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore
{

    /// <inheritdoc />
    public async Task CreateBillAsync(NewBill bill, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = Command(connection, tx, "INSERT INTO bills (id, title, created) VALUES (@id, @title, @created);"))
        {
            cmd.Parameters.AddWithValue("id", bill.Bill.Id);
            cmd.Parameters.AddWithValue("title", bill.Bill.Title);
            cmd.Parameters.AddWithValue("created", ToUnixMs(bill.Bill.Created));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = Command(connection, tx, "INSERT INTO documents (bill_id, snapshot, snapshot_seq) VALUES (@id, @snapshot, 0);"))
        {
            cmd.Parameters.AddWithValue("id", bill.Bill.Id);
            cmd.Parameters.AddWithValue("snapshot", NpgsqlDbType.Bytea, bill.InitialDocument);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var invite in bill.Invites) await InsertInviteAsync(connection, tx, invite, cancellationToken).ConfigureAwait(false);
        if (bill.Creator is not null) await InsertParticipantAsync(connection, tx, bill.Creator, cancellationToken).ConfigureAwait(false);
        if (bill.CreatorSession is not null) await InsertSessionAsync(connection, tx, bill.CreatorSession, cancellationToken).ConfigureAwait(false);
        if (bill.Audit is not null) await InsertAuditAsync(connection, tx, bill.Audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BillRecord?> GetBillAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, created FROM bills WHERE id = @id;");
        cmd.Parameters.AddWithValue("id", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new BillRecord(reader.GetString(0), reader.GetString(1), FromUnixMs(reader.GetInt64(2)));
    }

    /// <inheritdoc />
    public async Task CreateInviteAsync(InviteRecord invite, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertInviteAsync(connection, null, invite, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<InviteRecord?> FindInviteAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE secret_hash = @hash;");
        cmd.Parameters.AddWithValue("hash", NpgsqlDbType.Bytea, secretHash);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StoreRows.Invite(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE bill_id = @bill ORDER BY created, id;");
        cmd.Parameters.AddWithValue("bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<InviteRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(StoreRows.Invite(reader));
        return list;
    }

    /// <inheritdoc />
    public async Task<RevokedInvite?> RevokeInviteAsync(string billId, string inviteId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        InviteRecord invite;
        // FOR UPDATE: a concurrent join through this invite waits for the revocation (see AddParticipantAsync).
        await using (var cmd = Command(connection, tx,
                         "UPDATE invites SET revoked = coalesce(revoked, @when) WHERE id = @id AND bill_id = @bill RETURNING " + StoreRows.InviteColumns + ";"))
        {
            cmd.Parameters.AddWithValue("when", ToUnixMs(when));
            cmd.Parameters.AddWithValue("id", inviteId);
            cmd.Parameters.AddWithValue("bill", billId);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            invite = StoreRows.Invite(reader);
        }
        var participants = new List<string>();
        await using (var cmd = Command(connection, tx,
                         """
                         UPDATE sessions SET revoked = @when
                         WHERE revoked IS NULL AND participant_id IN (SELECT id FROM participants WHERE invite_id = @id)
                         RETURNING participant_id;
                         """))
        {
            cmd.Parameters.AddWithValue("when", ToUnixMs(when));
            cmd.Parameters.AddWithValue("id", inviteId);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (!participants.Contains(id)) participants.Add(id);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RevokedInvite(invite, participants);
    }

    /// <inheritdoc />
    public async Task<bool> AddParticipantAsync(ParticipantRecord participant, SessionRecord session, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (participant.InviteId is not null)
        {
            // FOR SHARE: a revocation running now either finished (we see it) or waits until we commit
            // (and then revokes the session we add). SQLite gets the same from its single writer.
            await using var cmd = Command(connection, tx, "SELECT revoked IS NULL FROM invites WHERE id = @id AND bill_id = @bill FOR SHARE;");
            cmd.Parameters.AddWithValue("id", participant.InviteId);
            cmd.Parameters.AddWithValue("bill", participant.BillId);
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true) return false;
        }
        await InsertParticipantAsync(connection, tx, participant, cancellationToken).ConfigureAwait(false);
        await InsertSessionAsync(connection, tx, session, cancellationToken).ConfigureAwait(false);
        if (audit is not null) await InsertAuditAsync(connection, tx, audit, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<ParticipantRecord?> FindSessionParticipantAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"""
             SELECT {StoreRows.ParticipantColumns}
             FROM sessions s JOIN participants p ON p.id = s.participant_id
             LEFT JOIN invites i ON i.id = p.invite_id
             WHERE s.token_hash = @hash AND s.revoked IS NULL AND i.revoked IS NULL;
             """);
        cmd.Parameters.AddWithValue("hash", NpgsqlDbType.Bytea, tokenHash);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StoreRows.Participant(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParticipantRecord>> ListParticipantsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"SELECT {StoreRows.ParticipantColumns} FROM participants p WHERE p.bill_id = @bill ORDER BY p.joined, p.id;");
        cmd.Parameters.AddWithValue("bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ParticipantRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(StoreRows.Participant(reader));
        return list;
    }

    /// <inheritdoc />
    public async Task<ClientBindingResult> BindClientIdsAsync(string billId, string participantId, IReadOnlyList<long> clientIds, CancellationToken cancellationToken)
    {
        var bound = new List<long>();
        var foreign = new List<long>();
        if (clientIds.Count == 0) return new ClientBindingResult(bound, foreign);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // ON CONFLICT DO NOTHING waits for a concurrent insert of the same id to commit, so the owner read
        // after it is always the one winner. Ids are inserted in ascending order so that two callers
        // binding the same ids in different orders cannot deadlock.
        var sorted = clientIds.Distinct().Order().ToArray();
        await using (var insert = Command(connection, tx,
                         """
                         INSERT INTO client_ids (bill_id, client_id, participant_id, bound)
                         SELECT @bill, id, @participant, @now FROM unnest(@ids) WITH ORDINALITY AS t(id, n) ORDER BY n
                         ON CONFLICT (bill_id, client_id) DO NOTHING;
                         """))
        {
            insert.Parameters.AddWithValue("bill", billId);
            insert.Parameters.AddWithValue("participant", participantId);
            insert.Parameters.AddWithValue("now", ToUnixMs(DateTimeOffset.UtcNow));
            insert.Parameters.AddWithValue("ids", sorted);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var owners = new Dictionary<long, string>();
        await using (var select = Command(connection, tx, "SELECT client_id, participant_id FROM client_ids WHERE bill_id = @bill AND client_id = ANY(@ids);"))
        {
            select.Parameters.AddWithValue("bill", billId);
            select.Parameters.AddWithValue("ids", sorted);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) owners[reader.GetInt64(0)] = reader.GetString(1);
        }
        foreach (var clientId in clientIds)
        {
            (owners.GetValueOrDefault(clientId) == participantId ? bound : foreign).Add(clientId);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClientBindingResult(bound, foreign);
    }

    private static async Task InsertInviteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, InviteRecord invite, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO invites (id, bill_id, role, secret_hash, created, revoked) VALUES (@id, @bill, @role, @hash, @created, @revoked);");
        cmd.Parameters.AddWithValue("id", invite.Id);
        cmd.Parameters.AddWithValue("bill", invite.BillId);
        cmd.Parameters.AddWithValue("role", invite.Role);
        cmd.Parameters.AddWithValue("hash", NpgsqlDbType.Bytea, invite.SecretHash);
        cmd.Parameters.AddWithValue("created", ToUnixMs(invite.Created));
        cmd.Parameters.AddWithValue("revoked", NpgsqlDbType.Bigint, Db(invite.Revoked));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertParticipantAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ParticipantRecord p, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO participants (id, bill_id, display_name, role, invite_id, joined) VALUES (@id, @bill, @name, @role, @invite, @joined);");
        cmd.Parameters.AddWithValue("id", p.Id);
        cmd.Parameters.AddWithValue("bill", p.BillId);
        cmd.Parameters.AddWithValue("name", p.DisplayName);
        cmd.Parameters.AddWithValue("role", p.Role);
        cmd.Parameters.AddWithValue("invite", NpgsqlDbType.Text, Db(p.InviteId));
        cmd.Parameters.AddWithValue("joined", ToUnixMs(p.Joined));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertSessionAsync(NpgsqlConnection connection, NpgsqlTransaction tx, SessionRecord s, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO sessions (token_hash, participant_id, created, revoked) VALUES (@hash, @participant, @created, NULL);");
        cmd.Parameters.AddWithValue("hash", NpgsqlDbType.Bytea, s.TokenHash);
        cmd.Parameters.AddWithValue("participant", s.ParticipantId);
        cmd.Parameters.AddWithValue("created", ToUnixMs(s.Created));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }


}
