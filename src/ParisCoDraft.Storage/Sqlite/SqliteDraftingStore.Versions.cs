using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore : IVersionStore
{

    /// <inheritdoc />
    public async Task CreateWorkshopAsync(StoredWorkshop workshop, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"INSERT INTO workshops ({StoreRows.WorkshopColumns}) VALUES ($id, $bill, $name, $date, $place, $mode, $state, $created, $opened, $closed);");
        cmd.Parameters.AddWithValue("$id", workshop.Id);
        cmd.Parameters.AddWithValue("$bill", workshop.BillId);
        cmd.Parameters.AddWithValue("$name", workshop.Name);
        cmd.Parameters.AddWithValue("$date", workshop.Date);
        cmd.Parameters.AddWithValue("$place", workshop.Place);
        cmd.Parameters.AddWithValue("$mode", workshop.Mode);
        cmd.Parameters.AddWithValue("$state", workshop.State);
        cmd.Parameters.AddWithValue("$created", ToUnixMs(workshop.Created));
        cmd.Parameters.AddWithValue("$opened", workshop.Opened is { } o ? ToUnixMs(o) : DBNull.Value);
        cmd.Parameters.AddWithValue("$closed", workshop.Closed is { } c ? ToUnixMs(c) : DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredWorkshop>> ListWorkshopsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.WorkshopColumns} FROM workshops WHERE bill_id = $bill ORDER BY date, created, id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredWorkshop>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Workshop(reader));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<StoredVersion?> MoveWorkshopAsync(
        string billId, string workshopId, string fromState, string toState, DateTimeOffset when, StoredVersion version,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        if (toState == "open")
        {
            await using var busy = Command(connection, tx, "SELECT count(*) FROM workshops WHERE bill_id = $bill AND state = 'open';");
            busy.Parameters.AddWithValue("$bill", billId);
            if ((long)(await busy.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0) return null;
        }
        var stamp = toState switch { "open" => "opened", "closed" => "closed", _ => null };
        await using (var cmd = Command(connection, tx,
                         $"UPDATE workshops SET state = $to{(stamp is null ? "" : $", {stamp} = $when")} WHERE id = $id AND bill_id = $bill AND state = $from;"))
        {
            cmd.Parameters.AddWithValue("$to", toState);
            cmd.Parameters.AddWithValue("$when", ToUnixMs(when));
            cmd.Parameters.AddWithValue("$id", workshopId);
            cmd.Parameters.AddWithValue("$bill", billId);
            cmd.Parameters.AddWithValue("$from", fromState);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return null;
        }
        var stored = await InsertVersionAsync(connection, tx, version with { WorkshopId = workshopId }, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public async Task<StoredVersion> AddVersionAsync(StoredVersion version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        var stored = await InsertVersionAsync(connection, tx, version, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private static async Task<StoredVersion> InsertVersionAsync(
        SqliteConnection connection, SqliteTransaction tx, StoredVersion version, CancellationToken cancellationToken)
    {
        int number;
        await using (var max = Command(connection, tx, "SELECT coalesce(max(number), 0) + 1 FROM versions WHERE bill_id = $bill;"))
        {
            max.Parameters.AddWithValue("$bill", version.BillId);
            number = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        var stored = version with { Number = number };
        await using var cmd = Command(connection, tx,
            $"INSERT INTO versions ({StoreRows.VersionColumns}) VALUES ($id, $bill, $number, $label, $kind, $workshop, $taken, $by, $sha, $snapshot);");
        cmd.Parameters.AddWithValue("$id", stored.Id);
        cmd.Parameters.AddWithValue("$bill", stored.BillId);
        cmd.Parameters.AddWithValue("$number", stored.Number);
        cmd.Parameters.AddWithValue("$label", stored.Label);
        cmd.Parameters.AddWithValue("$kind", stored.Kind);
        cmd.Parameters.AddWithValue("$workshop", (object?)stored.WorkshopId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$taken", ToUnixMs(stored.Taken));
        cmd.Parameters.AddWithValue("$by", (object?)stored.TakenBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$sha", stored.Sha256);
        cmd.Parameters.AddWithValue("$snapshot", stored.Snapshot);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredVersion>> ListVersionsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.VersionColumns} FROM versions WHERE bill_id = $bill ORDER BY number;");
        cmd.Parameters.AddWithValue("$bill", billId);
        return await ReadVersionsAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredVersion?> GetVersionAsync(string billId, string versionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.VersionColumns} FROM versions WHERE bill_id = $bill AND id = $id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        cmd.Parameters.AddWithValue("$id", versionId);
        var list = await ReadVersionsAsync(cmd, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    private static async Task<IReadOnlyList<StoredVersion>> ReadVersionsAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Version(reader));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task RecordDeletionsAsync(IReadOnlyList<StoredDeletion> deletions, CancellationToken cancellationToken)
    {
        if (deletions.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx,
                         "INSERT INTO deletions (bill_id, seq, client, clock, length, participant_id) VALUES ($bill, $seq, $client, $clock, $length, $participant);"))
        {
            var bill = cmd.Parameters.Add("$bill", SqliteType.Text);
            var seq = cmd.Parameters.Add("$seq", SqliteType.Integer);
            var client = cmd.Parameters.Add("$client", SqliteType.Integer);
            var clock = cmd.Parameters.Add("$clock", SqliteType.Integer);
            var length = cmd.Parameters.Add("$length", SqliteType.Integer);
            var participant = cmd.Parameters.Add("$participant", SqliteType.Text);
            await cmd.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var d in deletions)
            {
                bill.Value = d.BillId;
                seq.Value = d.Sequence;
                client.Value = d.Client;
                clock.Value = d.Clock;
                length.Value = d.Length;
                participant.Value = d.ParticipantId;
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDeletion>> ListDeletionsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "SELECT seq, client, clock, length, participant_id FROM deletions WHERE bill_id = $bill ORDER BY seq, id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredDeletion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredDeletion(billId, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClientBinding>> ListClientBindingsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT client_id, participant_id FROM client_ids WHERE bill_id = $bill;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ClientBinding>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(new ClientBinding(reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    /// <inheritdoc />
    public async Task ImportIdeasAsync(string billId, IReadOnlyList<StoredIdea> ideas, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx,
                         """
                         INSERT INTO ideas (bill_id, number, title, text, source_group) VALUES ($bill, $number, $title, $text, $group)
                         ON CONFLICT (bill_id, number) DO UPDATE SET title = excluded.title, text = excluded.text, source_group = excluded.source_group;
                         """))
        {
            cmd.Parameters.AddWithValue("$bill", billId);
            var number = cmd.Parameters.Add("$number", SqliteType.Integer);
            var title = cmd.Parameters.Add("$title", SqliteType.Text);
            var text = cmd.Parameters.Add("$text", SqliteType.Text);
            var group = cmd.Parameters.Add("$group", SqliteType.Text);
            foreach (var idea in ideas)
            {
                number.Value = idea.Number;
                title.Value = idea.Title;
                text.Value = idea.Text;
                group.Value = (object?)idea.SourceGroup ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredIdea>> ListIdeasAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.IdeaColumns} FROM ideas WHERE bill_id = $bill ORDER BY number;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredIdea>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Idea(reader));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<bool> SetIdeaDispositionAsync(
        string billId, int number, string? dispositionJson, DateTimeOffset when, string? by, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "UPDATE ideas SET disposition = $d, updated = $when, updated_by = $by WHERE bill_id = $bill AND number = $number;");
        cmd.Parameters.AddWithValue("$d", (object?)dispositionJson ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$when", ToUnixMs(when));
        cmd.Parameters.AddWithValue("$by", (object?)by ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$bill", billId);
        cmd.Parameters.AddWithValue("$number", number);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task SaveCommitmentAsync(StoredCommitment commitment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"""
             INSERT INTO commitments ({StoreRows.CommitmentColumns}) VALUES ($id, $bill, $clause, $dept, $action, $due, $status, $updated, $by)
             ON CONFLICT (id) DO UPDATE SET clause_id = excluded.clause_id, department = excluded.department, action = excluded.action,
                 due = excluded.due, status = excluded.status, updated = excluded.updated, updated_by = excluded.updated_by
             WHERE commitments.bill_id = excluded.bill_id;
             """);
        cmd.Parameters.AddWithValue("$id", commitment.Id);
        cmd.Parameters.AddWithValue("$bill", commitment.BillId);
        cmd.Parameters.AddWithValue("$clause", commitment.ClauseId);
        cmd.Parameters.AddWithValue("$dept", commitment.Department);
        cmd.Parameters.AddWithValue("$action", commitment.Action);
        cmd.Parameters.AddWithValue("$due", commitment.DueDate);
        cmd.Parameters.AddWithValue("$status", commitment.Status);
        cmd.Parameters.AddWithValue("$updated", ToUnixMs(commitment.Updated));
        cmd.Parameters.AddWithValue("$by", (object?)commitment.UpdatedBy ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteCommitmentAsync(string billId, string commitmentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "DELETE FROM commitments WHERE bill_id = $bill AND id = $id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        cmd.Parameters.AddWithValue("$id", commitmentId);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredCommitment>> ListCommitmentsAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.CommitmentColumns} FROM commitments WHERE bill_id = $bill ORDER BY due, updated, id;");
        cmd.Parameters.AddWithValue("$bill", billId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<StoredCommitment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Commitment(reader));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<string?> GetAdoptionDateAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT adopted FROM follow_up WHERE bill_id = $bill;");
        cmd.Parameters.AddWithValue("$bill", billId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task SetAdoptionDateAsync(string billId, string? date, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "INSERT INTO follow_up (bill_id, adopted) VALUES ($bill, $date) ON CONFLICT (bill_id) DO UPDATE SET adopted = excluded.adopted;");
        cmd.Parameters.AddWithValue("$bill", billId);
        cmd.Parameters.AddWithValue("$date", (object?)date ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
