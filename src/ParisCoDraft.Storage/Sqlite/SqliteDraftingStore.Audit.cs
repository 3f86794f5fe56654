using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore
{
    /// <inheritdoc />
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await InsertAuditAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string billId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            """
            SELECT bill_id, time, participant_id, role, action, detail FROM
              (SELECT * FROM audit WHERE bill_id = $bill ORDER BY id DESC LIMIT $limit)
            ORDER BY id;
            """);
        cmd.Parameters.AddWithValue("$bill", billId);
        cmd.Parameters.AddWithValue("$limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Audit(reader));
        }
        return list;
    }

    private static async Task InsertAuditAsync(SqliteConnection connection, SqliteTransaction? tx, AuditEntry e, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
            "INSERT INTO audit (bill_id, time, participant_id, role, action, detail) VALUES ($bill, $time, $participant, $role, $action, $detail);");
        cmd.Parameters.AddWithValue("$bill", e.BillId);
        cmd.Parameters.AddWithValue("$time", ToUnixMs(e.Time));
        cmd.Parameters.AddWithValue("$participant", (object?)e.ParticipantId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$role", (object?)e.Role ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$action", e.Action);
        cmd.Parameters.AddWithValue("$detail", e.DetailJson);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
