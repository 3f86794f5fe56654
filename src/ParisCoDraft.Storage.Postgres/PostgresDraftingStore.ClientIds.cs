using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore
{
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
}
