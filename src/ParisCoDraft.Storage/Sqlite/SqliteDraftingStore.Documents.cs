using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore
{
    /// <inheritdoc />
    public async Task<DocumentLog?> LoadDocumentAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction, so the snapshot and the updates come from the same moment.
        await using var tx = connection.BeginTransaction(deferred: true);
        byte[]? snapshot = null;
        long snapshotSeq = 0;
        await using (var cmd = Command(connection, tx, "SELECT snapshot, snapshot_seq FROM documents WHERE bill_id = $bill;"))
        {
            cmd.Parameters.AddWithValue("$bill", billId);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            snapshot = (byte[])reader.GetValue(0);
            snapshotSeq = reader.GetInt64(1);
        }
        var updates = new List<StoredUpdate>();
        await using (var cmd = Command(connection, tx,
                         "SELECT seq, data FROM updates WHERE bill_id = $bill AND seq > $after ORDER BY seq;"))
        {
            cmd.Parameters.AddWithValue("$bill", billId);
            cmd.Parameters.AddWithValue("$after", snapshotSeq);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                updates.Add(new StoredUpdate(reader.GetInt64(0), (byte[])reader.GetValue(1)));
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DocumentLog(snapshot, snapshotSeq, updates);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AppendUpdatesAsync(IReadOnlyList<UpdateToAppend> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return [];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        var sequences = new long[updates.Count];
        await using (var cmd = Command(connection, tx,
                         "INSERT INTO updates (bill_id, data, created) VALUES ($bill, $data, $created) RETURNING seq;"))
        {
            var bill = cmd.Parameters.Add("$bill", SqliteType.Text);
            var data = cmd.Parameters.Add("$data", SqliteType.Blob);
            cmd.Parameters.AddWithValue("$created", ToUnixMs(DateTimeOffset.UtcNow));
            await cmd.PrepareAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < updates.Count; i++)
            {
                bill.Value = updates[i].BillId;
                data.Value = updates[i].Data;
                sequences[i] = (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return sequences;
    }

    /// <inheritdoc />
    public async Task<bool> CompactAsync(string billId, byte[] snapshot, long upToSequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        await using (var cmd = Command(connection, tx,
                         "UPDATE documents SET snapshot = $snapshot, snapshot_seq = $seq WHERE bill_id = $bill AND snapshot_seq <= $seq;"))
        {
            cmd.Parameters.AddWithValue("$snapshot", snapshot);
            cmd.Parameters.AddWithValue("$seq", upToSequence);
            cmd.Parameters.AddWithValue("$bill", billId);
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return false;
        }
        await using (var cmd = Command(connection, tx, "DELETE FROM updates WHERE bill_id = $bill AND seq <= $seq;"))
        {
            cmd.Parameters.AddWithValue("$seq", upToSequence);
            cmd.Parameters.AddWithValue("$bill", billId);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
