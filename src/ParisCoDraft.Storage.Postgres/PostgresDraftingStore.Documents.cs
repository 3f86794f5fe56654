using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore
{
    /// <summary>
    /// What a process that holds every update of the bill up to <paramref name="after"/> is missing, up to
    /// <paramref name="upTo"/>: the snapshot when it is newer than <paramref name="after"/> (a compaction
    /// deleted updates it needs), and the updates after both. Null when the bill has no document.
    /// </summary>
    public Task<DocumentLog?> ReadUpdatesAsync(string billId, long after, long upTo, CancellationToken cancellationToken) =>
        ReadLogAsync(billId, after, upTo, cancellationToken);

    /// <summary>
    /// Appends in one transaction. Each bill of the batch is locked first (transaction-scoped advisory
    /// locks, taken in key order so two batches cannot deadlock): within a bill, sequence numbers are then
    /// drawn and committed in the same order, so a reader who sees number N of a bill also sees every lower
    /// number of that bill. The fan-out and compaction rely on it. One NOTIFY per bill, sent on commit.
    /// </summary>
    public async Task<IReadOnlyList<long>> AppendUpdatesAsync(IReadOnlyList<UpdateToAppend> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return [];
        var locks = new SortedSet<long>();
        foreach (var u in updates) locks.Add(BillLockKey(u.BillId));
        var created = StoreRows.ToUnixMs(DateTimeOffset.UtcNow);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sequences = new long[updates.Count];
        await using (var batch = new NpgsqlBatch(connection, tx))
        {
            foreach (var key in locks)
            {
                var lockCmd = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1);");
                lockCmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                batch.BatchCommands.Add(lockCmd);
            }
            foreach (var u in updates)
            {
                var insert = new NpgsqlBatchCommand("INSERT INTO updates (bill_id, data, origin, created) VALUES ($1, $2, $3, $4) RETURNING seq;");
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = u.BillId });
                insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = u.Data, NpgsqlDbType = NpgsqlDbType.Bytea });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Origin });
                insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = created });
                batch.BatchCommands.Add(insert);
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < locks.Count; i++) await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < updates.Count; i++)
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) throw new StoreException("INSERT returned no sequence number.");
                sequences[i] = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await using (var notify = new NpgsqlBatch(connection, tx))
        {
            foreach (var notice in Notices(updates, sequences))
            {
                var cmd = new NpgsqlBatchCommand("SELECT pg_notify($1, $2);");
                cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = UpdatesChannel });
                cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Format() });
                notify.BatchCommands.Add(cmd);
            }
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return sequences;
    }

    private List<UpdateNotice> Notices(IReadOnlyList<UpdateToAppend> updates, long[] sequences)
    {
        var byBill = new Dictionary<string, (long First, long Last, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < updates.Count; i++)
        {
            var seq = sequences[i];
            byBill[updates[i].BillId] = byBill.TryGetValue(updates[i].BillId, out var r)
                ? (Math.Min(r.First, seq), Math.Max(r.Last, seq), r.Count + 1)
                : (seq, seq, 1);
        }
        var list = new List<UpdateNotice>(byBill.Count);
        foreach (var (bill, r) in byBill) list.Add(new UpdateNotice(Origin, bill, r.First, r.Last, r.Count));
        return list;
    }

    /// <summary>The highest sequence number handed out so far (0 when none): for tests and diagnostics.</summary>
    internal async Task<long> LastIssuedSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM updates_seq_seq;");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
