using System.Data.Common;
using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore
{
    // Two statements over arrays, whatever the number of ids. ON CONFLICT DO NOTHING waits for a concurrent
    // insert of the same id to commit, so the owner read after it is always the one winner. Ids are inserted
    // in ascending order so that two callers binding the same ids in different orders cannot deadlock.
    private protected override async Task<IReadOnlyDictionary<long, string>> BindOwnersAsync(
        DbConnection connection, DbTransaction tx, string billId, string participantId, IReadOnlyList<long> clientIds, long now,
        CancellationToken cancellationToken)
    {
        var sorted = clientIds.Distinct().Order().ToArray();
        await using (var insert = new NpgsqlCommand(
                         """
                         INSERT INTO client_ids (bill_id, client_id, participant_id, bound)
                         SELECT @bill, id, @participant, @now FROM unnest(@ids) WITH ORDINALITY AS t(id, n) ORDER BY n
                         ON CONFLICT (bill_id, client_id) DO NOTHING;
                         """, (NpgsqlConnection)connection, (NpgsqlTransaction)tx))
        {
            insert.Parameters.AddWithValue("bill", billId);
            insert.Parameters.AddWithValue("participant", participantId);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("ids", sorted);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var owners = new Dictionary<long, string>();
        await using (var select = new NpgsqlCommand("SELECT client_id, participant_id FROM client_ids WHERE bill_id = @bill AND client_id = ANY(@ids);",
                         (NpgsqlConnection)connection, (NpgsqlTransaction)tx))
        {
            select.Parameters.AddWithValue("bill", billId);
            select.Parameters.AddWithValue("ids", sorted);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) owners[reader.GetInt64(0)] = reader.GetString(1);
        }
        return owners;
    }
}
