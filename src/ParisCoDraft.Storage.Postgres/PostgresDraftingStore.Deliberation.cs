using System.Data.Common;
using Npgsql;
using ParisCoDraft.Storage.Sql;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore : IDeliberationStore
{
    /// <inheritdoc />
    public async Task<IAsyncDisposable> HoldDeliberationAsync(string billId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var hold = new DeliberationHold(connection, BillLockKey("deliberation:" + billId));
            await hold.TakeAsync(cancellationToken).ConfigureAwait(false);
            return hold;
        }
        catch (Exception e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (e is NpgsqlException) throw new StoreException($"Cannot hold the deliberation of bill {billId}: {e.Message}", e);
            throw;
        }
    }

    // The other processes reload the bill's deliberation when they hear of the new revision (sent on commit).
    private protected override async Task DeliberationChangedAsync(
        DbConnection connection, DbTransaction tx, string billId, long revision, CancellationToken cancellationToken)
    {
        await using var notify = Command(connection, tx, "SELECT pg_notify(@channel, @payload);")
            .With("@channel", DeliberationChannel).With("@payload", new DeliberationNotice(Origin, billId, revision).Format());
        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
