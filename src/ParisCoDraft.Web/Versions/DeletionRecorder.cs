using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Versions;

/// <summary>
/// Writes the deleters of a batch of just-stored updates, right after the batch and before anyone is
/// acknowledged. Losing them (a crash in between, a failed write) loses attribution, never text.
/// </summary>
internal static class DeletionRecorder
{
    public static async Task RecordAsync(
        IDraftingStore store, IReadOnlyList<(string BillId, UpdateAuthor? Author)> batch, IReadOnlyList<long> sequences, ILogger logger)
    {
        if (store is not IVersionStore versions) return;
        List<StoredDeletion>? rows = null;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Author is not { } author) continue;
            foreach (var (client, clock, length) in author.Deletions)
            {
                (rows ??= []).Add(new StoredDeletion(batch[i].BillId, sequences[i], client, clock, length, author.ParticipantId));
            }
        }
        if (rows is null) return;
        try
        {
            await versions.RecordDeletionsAsync(rows, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the updates are stored; a lost attribution must not fail their acknowledgement
        catch (Exception e)
#pragma warning restore CA1031
        {
            VersionsLog.DeletionsNotRecorded(logger, e, batch.Count);
        }
    }
}
