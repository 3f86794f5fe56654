using System.Data;
using System.Data.Common;
using System.Globalization;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <summary>
    /// Called first in a transaction that numbers a bill's versions or moves its workshops: PostgreSQL takes a
    /// per-bill advisory lock, or two numbers max+1 drawn at once would collide and two workshops could both
    /// open. SQLite needs nothing: its single writer already runs these transactions one at a time.
    /// </summary>
    private protected virtual Task LockBillVersionsAsync(DbConnection connection, DbTransaction tx, string billId, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <inheritdoc cref="IVersionStore.CreateWorkshopAsync"/>
    public async Task CreateWorkshopAsync(StoredWorkshop workshop, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
                $"INSERT INTO workshops ({StoreRows.WorkshopColumns}) VALUES (@id, @bill, @name, @date, @place, @mode, @state, @created, @opened, @closed);")
            .With("@id", workshop.Id).With("@bill", workshop.BillId).With("@name", workshop.Name).With("@date", workshop.Date)
            .With("@place", workshop.Place).With("@mode", workshop.Mode).With("@state", workshop.State).With("@created", workshop.Created)
            .With("@opened", workshop.Opened).With("@closed", workshop.Closed);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IVersionStore.ListWorkshopsAsync"/>
    public Task<IReadOnlyList<StoredWorkshop>> ListWorkshopsAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync($"SELECT {StoreRows.WorkshopColumns} FROM workshops WHERE bill_id = @bill ORDER BY date, created, id;",
            billId, StoreRows.Workshop, cancellationToken);

    /// <inheritdoc cref="IVersionStore.MoveWorkshopAsync"/>
    public async Task<StoredVersion?> MoveWorkshopAsync(
        string billId, string workshopId, string fromState, string toState, DateTimeOffset when, StoredVersion version,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockBillVersionsAsync(connection, tx, billId, cancellationToken).ConfigureAwait(false);
        if (toState == "open")
        {
            await using var busy = Command(connection, tx, "SELECT count(*) FROM workshops WHERE bill_id = @bill AND state = 'open';")
                .With("@bill", billId);
            if ((long)(await busy.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0) return null;
        }
        var stamp = toState switch { "open" => "opened", "closed" => "closed", _ => null };
        await using (var cmd = Command(connection, tx,
                             $"UPDATE workshops SET state = @to{(stamp is null ? "" : $", {stamp} = @when")} WHERE id = @id AND bill_id = @bill AND state = @from;")
                         .With("@to", toState).With("@when", when).With("@id", workshopId).With("@bill", billId).With("@from", fromState))
        {
            if (await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return null;
        }
        var stored = await InsertVersionAsync(connection, tx, version with { WorkshopId = workshopId }, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc cref="IVersionStore.AddVersionAsync"/>
    public async Task<StoredVersion> AddVersionAsync(StoredVersion version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var stored = await InsertVersionAsync(connection, tx, version, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private async Task<StoredVersion> InsertVersionAsync(DbConnection connection, DbTransaction tx, StoredVersion version, CancellationToken cancellationToken)
    {
        // Taken again when MoveWorkshopAsync already holds it: PostgreSQL's advisory locks are re-entrant.
        await LockBillVersionsAsync(connection, tx, version.BillId, cancellationToken).ConfigureAwait(false);
        int number;
        await using (var max = Command(connection, tx, "SELECT coalesce(max(number), 0) + 1 FROM versions WHERE bill_id = @bill;")
                         .With("@bill", version.BillId))
        {
            number = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        var stored = version with { Number = number };
        await using var cmd = Command(connection, tx,
                $"INSERT INTO versions ({StoreRows.VersionColumns}) VALUES (@id, @bill, @number, @label, @kind, @workshop, @taken, @by, @sha, @snapshot);")
            .With("@id", stored.Id).With("@bill", stored.BillId).With("@number", stored.Number).With("@label", stored.Label)
            .With("@kind", stored.Kind).With("@workshop", stored.WorkshopId).With("@taken", stored.Taken).With("@by", stored.TakenBy)
            .With("@sha", stored.Sha256).With("@snapshot", stored.Snapshot);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc cref="IVersionStore.ListVersionsAsync"/>
    public Task<IReadOnlyList<StoredVersion>> ListVersionsAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync($"SELECT {StoreRows.VersionColumns} FROM versions WHERE bill_id = @bill ORDER BY number;", billId, StoreRows.Version, cancellationToken);

    /// <inheritdoc cref="IVersionStore.GetVersionAsync"/>
    public async Task<StoredVersion?> GetVersionAsync(string billId, string versionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {StoreRows.VersionColumns} FROM versions WHERE bill_id = @bill AND id = @id;")
            .With("@bill", billId).With("@id", versionId);
        return await FirstAsync(cmd, StoreRows.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IVersionStore.RecordDeletionsAsync"/>
    public async Task RecordDeletionsAsync(IReadOnlyList<StoredDeletion> deletions, CancellationToken cancellationToken)
    {
        if (deletions.Count == 0) return;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var cmd = Command(connection, tx,
                         "INSERT INTO deletions (bill_id, seq, client, clock, length, participant_id) VALUES (@bill, @seq, @client, @clock, @length, @participant);"))
        {
            var bill = cmd.Slot("@bill", DbType.String);
            var seq = cmd.Slot("@seq", DbType.Int64);
            var client = cmd.Slot("@client", DbType.Int64);
            var clock = cmd.Slot("@clock", DbType.Int64);
            var length = cmd.Slot("@length", DbType.Int64);
            var participant = cmd.Slot("@participant", DbType.String);
            await cmd.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var d in deletions)
            {
                bill.Value = d.BillId;
                seq.Value = d.Sequence;
                client.Value = d.Client;
                clock.Value = d.Clock;
                length.Value = d.Length;
                participant.Value = d.ParticipantId;
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="IVersionStore.ListDeletionsAsync"/>
    public Task<IReadOnlyList<StoredDeletion>> ListDeletionsAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync("SELECT seq, client, clock, length, participant_id FROM deletions WHERE bill_id = @bill ORDER BY seq, id;", billId,
            r => new StoredDeletion(billId, r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4)), cancellationToken);

    /// <inheritdoc cref="IVersionStore.ListClientBindingsAsync"/>
    public Task<IReadOnlyList<ClientBinding>> ListClientBindingsAsync(string billId, CancellationToken cancellationToken) =>
        ListOfBillAsync("SELECT client_id, participant_id FROM client_ids WHERE bill_id = @bill;", billId,
            r => new ClientBinding(r.GetInt64(0), r.GetString(1)), cancellationToken);

    /// <summary>The rows of one bill that <paramref name="sql"/> (with its <c>@bill</c>) selects.</summary>
    private async Task<IReadOnlyList<T>> ListOfBillAsync<T>(string sql, string billId, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, sql).With("@bill", billId);
        return await ListAsync(cmd, row, cancellationToken).ConfigureAwait(false);
    }
}
