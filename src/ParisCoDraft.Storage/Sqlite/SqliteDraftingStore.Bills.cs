using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore
{

    /// <inheritdoc />
    public async Task CreateBillAsync(NewBill bill, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx, "INSERT INTO bills (id, title, created) VALUES ($id, $title, $created);"))
        {
            cmd.Parameters.AddWithValue("$id", bill.Bill.Id);
            cmd.Parameters.AddWithValue("$title", bill.Bill.Title);
            cmd.Parameters.AddWithValue("$created", ToUnixMs(bill.Bill.Created));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = Command(connection, tx, "INSERT INTO documents (bill_id, snapshot, snapshot_seq) VALUES ($id, $snapshot, 0);"))
        {
            cmd.Parameters.AddWithValue("$id", bill.Bill.Id);
            cmd.Parameters.AddWithValue("$snapshot", bill.InitialDocument);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var invite in bill.Invites)
        {
            await InsertInviteAsync(connection, tx, invite, cancellationToken).ConfigureAwait(false);
        }
        if (bill.Creator is not null)
        {
            await InsertParticipantAsync(connection, tx, bill.Creator, cancellationToken).ConfigureAwait(false);
        }
        if (bill.CreatorSession is not null)
        {
            await InsertSessionAsync(connection, tx, bill.CreatorSession, cancellationToken).ConfigureAwait(false);
        }
        if (bill.Audit is not null)
        {
            await InsertAuditAsync(connection, tx, bill.Audit, cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<BillRecord?> GetBillAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT id, title, created FROM bills WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", billId);
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
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE secret_hash = $hash;");
        cmd.Parameters.AddWithValue("$hash", secretHash);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StoreRows.Invite(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InviteRecord>> ListInvitesAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE bill_id = $bill ORDER BY created, id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<InviteRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(StoreRows.Invite(reader));
        return list;
    }

    /// <inheritdoc />
    public async Task<RevokedInvite?> RevokeInviteAsync(string billId, string inviteId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx, "UPDATE invites SET revoked = $when WHERE id = $id AND bill_id = $bill AND revoked IS NULL;"))
        {
            cmd.Parameters.AddWithValue("$when", ToUnixMs(when));
            cmd.Parameters.AddWithValue("$id", inviteId);
            cmd.Parameters.AddWithValue("$bill", billId);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        InviteRecord invite;
        await using (var cmd = Command(connection, tx, $"SELECT {StoreRows.InviteColumns} FROM invites WHERE id = $id AND bill_id = $bill;"))
        {
            cmd.Parameters.AddWithValue("$id", inviteId);
            cmd.Parameters.AddWithValue("$bill", billId);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            invite = StoreRows.Invite(reader);
        }
        var participants = new List<string>();
        await using (var cmd = Command(connection, tx,
                         """
                         UPDATE sessions SET revoked = $when
                         WHERE revoked IS NULL AND participant_id IN (SELECT id FROM participants WHERE invite_id = $id)
                         RETURNING participant_id;
                         """))
        {
            cmd.Parameters.AddWithValue("$when", ToUnixMs(when));
            cmd.Parameters.AddWithValue("$id", inviteId);
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
        await using var tx = connection.BeginTransaction(deferred: false);
        if (participant.InviteId is not null)
        {
            await using var cmd = Command(connection, tx, "SELECT revoked IS NULL FROM invites WHERE id = $id AND bill_id = $bill;");
            cmd.Parameters.AddWithValue("$id", participant.InviteId);
            cmd.Parameters.AddWithValue("$bill", participant.BillId);
            var live = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (live is not long l || l == 0) return false;
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
             WHERE s.token_hash = $hash AND s.revoked IS NULL AND i.revoked IS NULL;
             """);
        cmd.Parameters.AddWithValue("$hash", tokenHash);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? StoreRows.Participant(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ParticipantRecord>> ListParticipantsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"SELECT {StoreRows.ParticipantColumns} FROM participants p WHERE p.bill_id = $bill ORDER BY p.joined, p.id;");
        cmd.Parameters.AddWithValue("$bill", billId);
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
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var insert = Command(connection, tx,
                         """
                         INSERT INTO client_ids (bill_id, client_id, participant_id, bound) VALUES ($bill, $client, $participant, $now)
                         ON CONFLICT (bill_id, client_id) DO NOTHING;
                         """))
        await using (var select = Command(connection, tx, "SELECT participant_id FROM client_ids WHERE bill_id = $bill AND client_id = $client;"))
        {
            insert.Parameters.AddWithValue("$bill", billId);
            insert.Parameters.AddWithValue("$participant", participantId);
            insert.Parameters.AddWithValue("$now", ToUnixMs(DateTimeOffset.UtcNow));
            var insertClient = insert.Parameters.Add("$client", SqliteType.Integer);
            select.Parameters.AddWithValue("$bill", billId);
            var selectClient = select.Parameters.Add("$client", SqliteType.Integer);
            foreach (var clientId in clientIds)
            {
                insertClient.Value = clientId;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                selectClient.Value = clientId;
                var owner = (string?)await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                (owner == participantId ? bound : foreign).Add(clientId);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClientBindingResult(bound, foreign);
    }

    private static async Task InsertInviteAsync(SqliteConnection connection, SqliteTransaction? tx, InviteRecord invite, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO invites (id, bill_id, role, secret_hash, created, revoked) VALUES ($id, $bill, $role, $hash, $created, $revoked);");
        cmd.Parameters.AddWithValue("$id", invite.Id);
        cmd.Parameters.AddWithValue("$bill", invite.BillId);
        cmd.Parameters.AddWithValue("$role", invite.Role);
        cmd.Parameters.AddWithValue("$hash", invite.SecretHash);
        cmd.Parameters.AddWithValue("$created", ToUnixMs(invite.Created));
        cmd.Parameters.AddWithValue("$revoked", invite.Revoked is { } r ? ToUnixMs(r) : DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertParticipantAsync(SqliteConnection connection, SqliteTransaction tx, ParticipantRecord p, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO participants (id, bill_id, display_name, role, invite_id, joined) VALUES ($id, $bill, $name, $role, $invite, $joined);");
        cmd.Parameters.AddWithValue("$id", p.Id);
        cmd.Parameters.AddWithValue("$bill", p.BillId);
        cmd.Parameters.AddWithValue("$name", p.DisplayName);
        cmd.Parameters.AddWithValue("$role", p.Role);
        cmd.Parameters.AddWithValue("$invite", (object?)p.InviteId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$joined", ToUnixMs(p.Joined));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertSessionAsync(SqliteConnection connection, SqliteTransaction tx, SessionRecord s, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO sessions (token_hash, participant_id, created, revoked) VALUES ($hash, $participant, $created, NULL);");
        cmd.Parameters.AddWithValue("$hash", s.TokenHash);
        cmd.Parameters.AddWithValue("$participant", s.ParticipantId);
        cmd.Parameters.AddWithValue("$created", ToUnixMs(s.Created));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }


}
