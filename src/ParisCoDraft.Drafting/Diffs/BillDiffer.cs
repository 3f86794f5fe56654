using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>Compares two versions of a bill clause by clause.</summary>
public static class BillDiffer
{
    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    /// <param name="older">The older version.</param>
    /// <param name="newer">The newer version.</param>
    /// <param name="attribution">Who wrote and deleted text in between, or null.</param>
    public static BillDiff Compare(BillText older, BillText newer, IAttribution? attribution = null)
    {
        var olderAll = Index(older);
        var newerAll = Index(newer);
        var olderActive = older.Clauses.Select(c => c.Id).ToList();
        var newerPos = newer.Clauses.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var common = olderActive.Where(newerPos.ContainsKey).ToList();
        var moved = MoveDetector.Moved(common, newerPos);

        var diffs = new List<ClauseDiff>();
        foreach (var clause in newer.Clauses)
        {
            olderAll.TryGetValue(clause.Id, out var before);
            diffs.Add(Diff(before, clause, moved.Contains(clause.Id), attribution));
        }

        // Clauses that left the bill, each after its nearest older predecessor still listed.
        for (var i = 0; i < older.Clauses.Count; i++)
        {
            var gone = older.Clauses[i];
            if (newerPos.ContainsKey(gone.Id)) continue;
            newerAll.TryGetValue(gone.Id, out var after);
            var at = 0;
            for (var j = i - 1; j >= 0; j--)
            {
                var k = diffs.FindIndex(d => d.ClauseId == older.Clauses[j].Id);
                if (k >= 0) { at = k + 1; break; }
            }
            diffs.Insert(at, Diff(gone, after, false, attribution));
        }

        return new BillDiff(
            TextDiffer.Compare(older.Title, newer.Title, attribution, DiffField.Title),
            TextDiffer.Compare(older.Preamble, newer.Preamble, attribution, DiffField.Preamble),
            diffs,
            older.Sha256(),
            newer.Sha256());
    }

    private static Dictionary<string, Clause> Index(BillText bill)
    {
        var all = new Dictionary<string, Clause>(StringComparer.Ordinal);
        foreach (var c in bill.Withdrawn) all[c.Id] = c;
        foreach (var c in bill.Clauses) all[c.Id] = c;
        return all;
    }

    // older: the clause in the older version (null if it did not exist); newer likewise. At least one of
    // them is an article.
    private static ClauseDiff Diff(Clause? older, Clause? newer, bool moved, IAttribution? attribution)
    {
        var wasActive = older is { State: ClauseState.Active };
        var isActive = newer is { State: ClauseState.Active };
        var id = (newer ?? older)!.Id;
        var changes = ClauseChanges.Unchanged;
        if (isActive && !wasActive)
        {
            changes |= older is null && newer!.SplitFrom is not null ? ClauseChanges.Split : ClauseChanges.Added;
        }
        else if (wasActive && !isActive)
        {
            changes |= newer?.MergedInto is not null ? ClauseChanges.Merged : ClauseChanges.Withdrawn;
        }
        else
        {
            if (moved) changes |= ClauseChanges.Moved;
            if (older!.Number != newer!.Number) changes |= ClauseChanges.Renumbered;
        }

        // What the reader compares: the article as it stood in each version ("" when it was not one).
        var oldHeading = wasActive ? older!.Heading : "";
        var newHeading = isActive ? newer!.Heading : "";
        var oldBody = wasActive ? older!.Body : "";
        var newBody = isActive ? newer!.Body : "";
        if (wasActive && isActive)
        {
            if (!string.Equals(oldHeading, newHeading, StringComparison.Ordinal)) changes |= ClauseChanges.HeadingChanged;
            if (!string.Equals(oldBody, newBody, StringComparison.Ordinal)) changes |= ClauseChanges.TextChanged;
        }
        return new ClauseDiff(
            id,
            older,
            newer,
            changes,
            TextDiffer.Compare(oldHeading, newHeading, attribution, DiffField.Heading, id),
            TextDiffer.Compare(oldBody, newBody, attribution, DiffField.Body, id));
    }
}
