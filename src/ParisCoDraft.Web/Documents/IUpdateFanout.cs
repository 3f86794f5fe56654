namespace ParisCoDraft.Web.Documents;

/// <summary>
/// The scale-out seam (conventions #9). In one process (<see cref="InProcessFanout"/>) the hub already
/// reaches every connection of a bill. With PostgreSQL, several processes serve the same bill
/// (<see cref="PostgresFanout"/>): the store announces each append with NOTIFY, and the other processes
/// apply it to their doc and broadcast it to their own connections only. The origin process needs no
/// extra step in its update path: it serves its connections directly, as in one process.
/// </summary>
public interface IUpdateFanout
{
    /// <summary>
    /// Called before a compaction snapshots <paramref name="room"/> as holding every stored update up to
    /// <paramref name="upToSequence"/>: with other processes writing, some of those may not have reached
    /// this doc yet and must be applied first, or the compaction would delete them from the log.
    /// </summary>
    Task BeforeSnapshotAsync(DocumentRoom room, long upToSequence, CancellationToken cancellationToken);
}
