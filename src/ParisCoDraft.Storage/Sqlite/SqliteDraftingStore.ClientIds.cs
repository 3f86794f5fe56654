using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore
{
    /// <inheritdoc />
    public async Task<ClientBindingResult> BindClientIdsAsync(string billId, string participantId, IReadOnlyList<long> clientIds, CancellationToken cancellationToken)
    {
        var bound = new List<long>();
        var foreign = new List<long>();
        if (clientIds.Count == 0) return new ClientBindingResult(bound, foreign);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = connection.BeginTransaction(deferred: false);
        // One statement per id (SQLite has no arrays; in-process, a statement costs no round trip). The single
        // writer makes the first binder of an id its only owner.
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
}
