using ParisCoDraft.Crdt;

namespace ParisCoDraft.Drafting.Attribution;

/// <summary>
/// The part of an update's delete set that deletes something the document still shows (or does not have
/// yet): what the sender deleted, as opposed to deletions they merely relay (a sync step 2 carries the
/// sender's whole delete set every time).
/// </summary>
public static class NewDeletions
{
    /// <summary>Ranges of <paramref name="deleteSet"/> not already deleted in <paramref name="doc"/>, per client, merged.</summary>
    public static IReadOnlyList<(long Client, long Clock, long Length)> In(Doc doc, DeleteSet deleteSet)
    {
        var result = new List<(long Client, long Clock, long Length)>();
        foreach (var (client, ranges) in deleteSet.Clients)
        {
            foreach (var range in ranges)
            {
                var clock = range.Clock;
                var end = range.Clock + range.Length;
                while (clock < end)
                {
                    var s = doc.FindStruct(new Id(client, clock));
                    if (s is null)
                    {
                        Add(result, client, clock, end - clock); // not here yet: pending content, deleted by the sender
                        break;
                    }
                    var structEnd = Math.Min(end, s.Id.Clock + s.Length);
                    if (!s.Deleted) Add(result, client, clock, structEnd - clock);
                    clock = structEnd;
                }
            }
        }
        return result;
    }

    private static void Add(List<(long Client, long Clock, long Length)> into, long client, long clock, long length)
    {
        if (length <= 0) return;
        if (into.Count > 0 && into[^1].Client == client && into[^1].Clock + into[^1].Length == clock)
        {
            into[^1] = (client, into[^1].Clock, into[^1].Length + length);
            return;
        }
        into.Add((client, clock, length));
    }
}
