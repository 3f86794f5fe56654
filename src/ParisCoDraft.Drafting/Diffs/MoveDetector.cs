namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Finds the clauses that moved: among the clauses that are articles in both versions, the largest set
/// that kept its relative order stays put (a longest increasing subsequence); the others moved. A clause
/// that only changed number because another was added or removed before it is therefore not "moved".
/// </summary>
internal static class MoveDetector
{
    /// <param name="olderOrder">Ids common to both versions, in older article order.</param>
    /// <param name="newerIndex">Position of each of those ids in the newer article order.</param>
    public static HashSet<string> Moved(IReadOnlyList<string> olderOrder, IReadOnlyDictionary<string, int> newerIndex)
    {
        var n = olderOrder.Count;
        var seq = olderOrder.Select(id => newerIndex[id]).ToArray();
        // Patience sorting: tails[k] = index in seq of the smallest tail of an increasing run of length k+1.
        var tails = new List<int>();
        var prev = new int[n];
        for (var i = 0; i < n; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (seq[tails[mid]] < seq[i]) lo = mid + 1; else hi = mid;
            }
            prev[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var kept = new HashSet<int>();
        for (var i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = prev[i]) kept.Add(i);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!kept.Contains(i)) moved.Add(olderOrder[i]);
        }
        return moved;
    }
}
