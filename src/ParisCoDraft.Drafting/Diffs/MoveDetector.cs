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
        return Moved(olderOrder, newerIndex, null);
    }

    /// <param name="olderOrder">Ids common to both versions, in older article order.</param>
    /// <param name="newerIndex">Position of each of those ids in the newer article order.</param>
    /// <param name="reordered">
    /// Ids whose order key someone rewrote: among the longest kept sets, the one keeping most of the others
    /// is chosen, so the clauses reported as moved are those someone moved.
    /// </param>
    public static HashSet<string> Moved(IReadOnlyList<string> olderOrder, IReadOnlyDictionary<string, int> newerIndex, IReadOnlySet<string>? reordered)
    {
        // Quadratic, so only for bills of ordinary size; beyond, the plain rule below.
        if (reordered is { Count: > 0 } && olderOrder.Count <= 4000) return MovedPreferring(olderOrder, newerIndex, reordered);

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

    // Heaviest increasing subsequence, each clause weighing n + 1, plus 1 when its order was not rewritten:
    // the longest first, then the one that keeps most untouched clauses.
    private static HashSet<string> MovedPreferring(IReadOnlyList<string> olderOrder, IReadOnlyDictionary<string, int> newerIndex, IReadOnlySet<string> reordered)
    {
        var n = olderOrder.Count;
        var seq = new int[n];
        var weight = new long[n];
        for (var i = 0; i < n; i++)
        {
            seq[i] = newerIndex[olderOrder[i]];
            weight[i] = n + 1 + (reordered.Contains(olderOrder[i]) ? 0 : 1);
        }
        var best = new long[n];
        var prev = new int[n];
        var end = -1;
        for (var i = 0; i < n; i++)
        {
            best[i] = weight[i];
            prev[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (seq[j] < seq[i] && best[j] + weight[i] > best[i])
                {
                    best[i] = best[j] + weight[i];
                    prev[i] = j;
                }
            }
            if (end < 0 || best[i] > best[end]) end = i;
        }
        var kept = new bool[n];
        for (var i = end; i >= 0; i = prev[i]) kept[i] = true;
        var moved = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!kept[i]) moved.Add(olderOrder[i]);
        }
        return moved;
    }
}
