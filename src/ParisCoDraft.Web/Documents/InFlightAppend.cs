using ParisCoDraft.Crdt;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// An update on its way to the store and not yet applied to the room's document: the structs and the
/// deletions it brings, so that an update bringing any of them again (a client resending after a lost
/// acknowledgement, its step 2 after a reconnect) waits for it instead of being stored a second time.
/// </summary>
internal sealed class InFlightAppend(IReadOnlyList<StructInfo> structs, IReadOnlyList<(long Client, long Clock, long Length)> deletions)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the append was applied or given up (never faults).</summary>
    public Task Done => _done.Task;

    /// <summary>Whether <paramref name="other"/> brings a struct range or a deletion range this append brings too.</summary>
    public bool Overlaps(IReadOnlyList<StructInfo> other, IReadOnlyList<(long Client, long Clock, long Length)> otherDeletions)
    {
        foreach (var s in other)
        {
            if (s.Kind == StructKind.Skip) continue;
            foreach (var mine in structs)
            {
                if (mine.Kind != StructKind.Skip && Intersect(mine.Client, mine.Clock, mine.Length, s.Client, s.Clock, s.Length)) return true;
            }
        }
        foreach (var (client, clock, length) in otherDeletions)
        {
            foreach (var mine in deletions)
            {
                if (Intersect(mine.Client, mine.Clock, mine.Length, client, clock, length)) return true;
            }
        }
        return false;
    }

    /// <summary>Marks the append as over.</summary>
    public void End() => _done.TrySetResult();

    private static bool Intersect(long clientA, long clockA, long lengthA, long clientB, long clockB, long lengthB) =>
        clientA == clientB && clockA < clockB + lengthB && clockB < clockA + lengthA;
}
