using System.Data;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <inheritdoc cref="IVersionStore.ImportIdeasAsync"/>
    public async Task ImportIdeasAsync(string billId, IReadOnlyList<StoredIdea> ideas, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var cmd = Command(connection, tx,
                         """
                         INSERT INTO ideas (bill_id, number, title, text, source_group) VALUES (@bill, @number, @title, @text, @group)
                         ON CONFLICT (bill_id, number) DO UPDATE SET title = excluded.title, text = excluded.text, source_group = excluded.source_group;
                         """).With("@bill", billId))
        {
            var number = cmd.Slot("@number", DbType.Int32);
            var title = cmd.Slot("@title", DbType.String);
            var text = cmd.Slot("@text", DbType.String);
            var group = cmd.Slot("@group", DbType.String);
            foreach (var idea in ideas)
            {
                number.Value = idea.Number;
                title.Value = idea.Title;
                text.Value = idea.Text;
                group.Value = (object?)idea.SourceGroup ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IVersionStore.ListIdeasAsync"/>
    public Task<IReadOnlyList<StoredIdea>> ListIdeasAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync($"SELECT {StoreRows.IdeaColumns} FROM ideas WHERE bill_id = @bill ORDER BY number;", billId, StoreRows.Idea, cancellationToken);

    /// <inheritdoc cref="IVersionStore.SetIdeaDispositionAsync"/>
    public async Task<bool> SetIdeaDispositionAsync(
        string billId, int number, string? dispositionJson, DateTimeOffset when, string? by, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
                "UPDATE ideas SET disposition = @d, updated = @when, updated_by = @by WHERE bill_id = @bill AND number = @number;")
            .With("@d", dispositionJson).With("@when", when).With("@by", by).With("@bill", billId).With("@number", number);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc cref="IVersionStore.SaveCommitmentAsync"/>
    public async Task SaveCommitmentAsync(StoredCommitment commitment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
                $"""
                 INSERT INTO commitments ({StoreRows.CommitmentColumns}) VALUES (@id, @bill, @clause, @dept, @action, @due, @status, @updated, @by)
                 ON CONFLICT (id) DO UPDATE SET clause_id = excluded.clause_id, department = excluded.department, action = excluded.action,
                     due = excluded.due, status = excluded.status, updated = excluded.updated, updated_by = excluded.updated_by
                 WHERE commitments.bill_id = excluded.bill_id;
                 """)
            .With("@id", commitment.Id).With("@bill", commitment.BillId).With("@clause", commitment.ClauseId)
            .With("@dept", commitment.Department).With("@action", commitment.Action).With("@due", commitment.DueDate)
            .With("@status", commitment.Status).With("@updated", commitment.Updated).With("@by", commitment.UpdatedBy);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IVersionStore.DeleteCommitmentAsync"/>
    public async Task<bool> DeleteCommitmentAsync(string billId, string commitmentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "DELETE FROM commitments WHERE bill_id = @bill AND id = @id;")
            .With("@bill", billId).With("@id", commitmentId);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc cref="IVersionStore.ListCommitmentsAsync"/>
    public Task<IReadOnlyList<StoredCommitment>> ListCommitmentsAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync($"SELECT {StoreRows.CommitmentColumns} FROM commitments WHERE bill_id = @bill ORDER BY due, updated, id;",
            billId, StoreRows.Commitment, cancellationToken);

    /// <inheritdoc cref="IVersionStore.GetAdoptionDateAsync"/>
    public async Task<string?> GetAdoptionDateAsync(string billId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT adopted FROM follow_up WHERE bill_id = @bill;").With("@bill", billId);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc cref="IVersionStore.SetAdoptionDateAsync"/>
    public async Task SetAdoptionDateAsync(string billId, string? date, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
                "INSERT INTO follow_up (bill_id, adopted) VALUES (@bill, @date) ON CONFLICT (bill_id) DO UPDATE SET adopted = excluded.adopted;")
            .With("@bill", billId).With("@date", date);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
