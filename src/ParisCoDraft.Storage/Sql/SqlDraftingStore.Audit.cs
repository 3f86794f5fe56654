using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <inheritdoc cref="IDraftingStore.AppendAuditAsync"/>
    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await InsertAuditAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IDraftingStore.ListAuditAsync"/>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string billId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            """
            SELECT bill_id, time, participant_id, role, action, detail FROM
              (SELECT * FROM audit WHERE bill_id = @bill ORDER BY id DESC LIMIT @limit) last
            ORDER BY id;
            """).With("@bill", billId).With("@limit", (long)Math.Max(0, limit));
        return await ListAsync(cmd, StoreRows.Audit, cancellationToken).ConfigureAwait(false);
    }

    private protected static async Task InsertAuditAsync(DbConnection connection, DbTransaction? tx, AuditEntry e, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx,
                "INSERT INTO audit (bill_id, time, participant_id, role, action, detail) VALUES (@bill, @time, @participant, @role, @action, @detail);")
            .With("@bill", e.BillId).With("@time", e.Time).With("@participant", e.ParticipantId).With("@role", e.Role)
            .With("@action", e.Action).With("@detail", e.DetailJson);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
