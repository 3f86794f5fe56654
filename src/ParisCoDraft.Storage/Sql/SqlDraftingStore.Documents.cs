namespace ParisCoDraft.Storage.Sql;

// Reading and compacting a bill's document log. Appending is each engine's own (see the subclasses): it is
// the hot path, shaped for each engine's commit (SQLite's prepared loop, PostgreSQL's batch with its locks
// and notices).
public abstract partial class SqlDraftingStore
{
    /// <inheritdoc cref="IDraftingStore.LoadDocumentAsync"/>
    public Task<DocumentLog?> LoadDocumentAsync(string billId, CancellationToken cancellationToken) =>
        ReadLogAsync(billId, after: -1, upTo: long.MaxValue, cancellationToken);

    /// <summary>
    /// What a reader that holds every update of the bill up to <paramref name="after"/> is missing, up to
    /// <paramref name="upTo"/>: the snapshot when it is newer than <paramref name="after"/> (a compaction
    /// deleted updates it needs), and the updates after both. Null when the bill has no document.
    /// </summary>
    private protected async Task<DocumentLog?> ReadLogAsync(string billId, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot of the database for both reads, so the snapshot and the updates come from the same moment.
        await using var tx = await BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        DocumentLog? head;
        await using (var cmd = Command(connection, tx,
                             "SELECT snapshot_seq, CASE WHEN snapshot_seq > @after THEN snapshot END FROM documents WHERE bill_id = @bill;")
                         .With("@bill", billId).With("@after", after))
        {
            head = await FirstAsync(cmd, r => new DocumentLog(StoreRows.NullableBlob(r, 1), r.GetInt64(0), []), cancellationToken).ConfigureAwait(false);
            if (head is null) return null;
        }
        List<StoredUpdate> updates;
        await using (var cmd = Command(connection, tx, "SELECT seq, data FROM updates WHERE bill_id = @bill AND seq > @after AND seq <= @upTo ORDER BY seq;")
                         .With("@bill", billId).With("@after", Math.Max(after, head.SnapshotSequence)).With("@upTo", upTo))
        {
            updates = await ListAsync(cmd, r => new StoredUpdate(r.GetInt64(0), r.GetFieldValue<byte[]>(1)), cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return head with { Updates = updates };
    }

    /// <inheritdoc cref="IDraftingStore.CompactAsync"/>
    public async Task<bool> CompactAsync(string billId, byte[] snapshot, long upToSequence, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        // PostgreSQL: the row lock taken by UPDATE orders concurrent compactions of a bill; the later one re-checks
        // the condition against the committed row and gives up when that snapshot is newer.
        await using (var cmd = Command(connection, tx,
                             "UPDATE documents SET snapshot = @snapshot, snapshot_seq = @seq WHERE bill_id = @bill AND snapshot_seq <= @seq;")
                         .With("@snapshot", snapshot).With("@seq", upToSequence).With("@bill", billId))
        {
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return false;
        }
        await using (var cmd = Command(connection, tx, "DELETE FROM updates WHERE bill_id = @bill AND seq <= @seq;")
                         .With("@seq", upToSequence).With("@bill", billId))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
