using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Attribution;

/// <summary>
/// The server's record of who wrote and who deleted what, as groups: inserted content belongs to the group
/// of the participant bound to the item's client id; deleted content to the group of the participant whose
/// update first carried the deletion (later carriers only relayed it).
/// </summary>
public sealed class AuthorshipRecords
{
    private readonly IReadOnlyDictionary<long, StakeholderGroup?> _writers;
    // Per client: disjoint [start, end) intervals sorted by start, each with the first deleter's group.
    private readonly Dictionary<long, List<(long Start, long End, StakeholderGroup? Group)>> _deleters = [];

    /// <summary>Builds the records.</summary>
    /// <param name="writers">Group of the participant bound to each client id (null: bound to someone without a group).</param>
    /// <param name="deletions">Deletion marks, oldest first.</param>
    public AuthorshipRecords(IReadOnlyDictionary<long, StakeholderGroup?> writers, IEnumerable<DeletionMark> deletions)
    {
        _writers = writers;
        foreach (var d in deletions) Add(d);
    }

    /// <summary>Records nobody: every question answers "unknown".</summary>
    public static AuthorshipRecords Empty { get; } = new(new Dictionary<long, StakeholderGroup?>(), []);

    /// <summary>The group that wrote content under <paramref name="client"/>, or null.</summary>
    public StakeholderGroup? Writer(long client) => _writers.TryGetValue(client, out var g) ? g : null;

    /// <summary>
    /// The deleters of clocks [<paramref name="clock"/>, clock + <paramref name="length"/>) of
    /// <paramref name="client"/>: pieces with a known group, in clock order (unknown parts are left out).
    /// </summary>
    public IEnumerable<(long Clock, long Length, StakeholderGroup Group)> Deleters(long client, long clock, long length)
    {
        if (!_deleters.TryGetValue(client, out var list)) yield break;
        var end = clock + length;
        for (var i = FirstEndingAfter(list, clock); i < list.Count && list[i].Start < end; i++)
        {
            var (s, e, g) = list[i];
            if (g is null) continue;
            var from = Math.Max(s, clock);
            var to = Math.Min(e, end);
            if (to > from) yield return (from, to - from, g.Value);
        }
    }

    private void Add(DeletionMark mark)
    {
        if (mark.Length <= 0) return;
        if (!_deleters.TryGetValue(mark.Client, out var list))
        {
            list = [];
            _deleters[mark.Client] = list;
        }
        // Only the parts no older mark covers get this mark's group.
        var cursor = mark.Clock;
        var end = mark.Clock + mark.Length;
        var gaps = new List<(long, long, StakeholderGroup?)>();
        for (var i = FirstEndingAfter(list, cursor); i < list.Count && list[i].Start < end; i++)
        {
            if (list[i].Start > cursor) gaps.Add((cursor, list[i].Start, mark.Group));
            cursor = Math.Max(cursor, list[i].End);
        }
        if (cursor < end) gaps.Add((cursor, end, mark.Group));
        foreach (var gap in gaps)
        {
            var at = FirstEndingAfter(list, gap.Item1);
            list.Insert(at, gap);
        }
    }

    // Index of the first interval whose end is after clock (intervals are disjoint and sorted).
    private static int FirstEndingAfter(List<(long Start, long End, StakeholderGroup? Group)> list, long clock)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid].End <= clock) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
