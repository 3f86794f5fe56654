using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

// The append, SQLite's own: one prepared INSERT run per update in one IMMEDIATE transaction (the group
// commit hands it whole batches); AUTOINCREMENT draws the numbers.
public sealed partial class SqliteDraftingStore
{
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
}
