using System.Data;
using System.Data.Common;
using ParisCoDraft.Storage.Sql;

namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore
{
    // One statement per id (SQLite has no arrays; in-process, a statement costs no round trip). The single
    // writer makes the first binder of an id its only owner.
    private protected override async Task<IReadOnlyDictionary<long, string>> BindOwnersAsync(
        DbConnection connection, DbTransaction tx, string billId, string participantId, IReadOnlyList<long> clientIds, long now,
        CancellationToken cancellationToken)
    {
        var owners = new Dictionary<long, string>();
        await using var insert = Command(connection, tx,
                """
                INSERT INTO client_ids (bill_id, client_id, participant_id, bound) VALUES (@bill, @client, @participant, @now)
                ON CONFLICT (bill_id, client_id) DO NOTHING;
                """)
            .With("@bill", billId).With("@participant", participantId).With("@now", now);
        await using var select = Command(connection, tx, "SELECT participant_id FROM client_ids WHERE bill_id = @bill AND client_id = @client;")
            .With("@bill", billId);
        var insertClient = insert.Slot("@client", DbType.Int64);
        var selectClient = select.Slot("@client", DbType.Int64);
        foreach (var clientId in clientIds)
        {
            insertClient.Value = clientId;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            selectClient.Value = clientId;
            if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string owner) owners[clientId] = owner;
        }
        return owners;
    }
}
