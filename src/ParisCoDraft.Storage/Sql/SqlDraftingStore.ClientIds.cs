using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

public abstract partial class SqlDraftingStore
{
    /// <summary>
    /// Binds to <paramref name="participantId"/> each of <paramref name="clientIds"/> that nobody holds yet and
    /// returns the owner of each, in the caller's transaction. Each engine its own way: SQLite has no arrays.
    /// </summary>
    private protected abstract Task<IReadOnlyDictionary<long, string>> BindOwnersAsync(
        DbConnection connection, DbTransaction tx, string billId, string participantId, IReadOnlyList<long> clientIds, long now,
        CancellationToken cancellationToken);

    /// <inheritdoc cref="IDraftingStore.BindClientIdsAsync"/>
    public async Task<ClientBindingResult> BindClientIdsAsync(string billId, string participantId, IReadOnlyList<long> clientIds, CancellationToken cancellationToken)
    {
        var bound = new List<long>();
        var foreign = new List<long>();
        if (clientIds.Count == 0) return new ClientBindingResult(bound, foreign);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var owners = await BindOwnersAsync(connection, tx, billId, participantId, clientIds, StoreRows.ToUnixMs(DateTimeOffset.UtcNow), cancellationToken)
            .ConfigureAwait(false);
        foreach (var clientId in clientIds)
        {
            (owners.GetValueOrDefault(clientId) == participantId ? bound : foreign).Add(clientId);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClientBindingResult(bound, foreign);
    }
}
