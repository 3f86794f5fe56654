namespace ParisCoDraft.Drafting.Diffs;

/// <summary>A word-level diff of two texts, for an inline view (<see cref="Runs"/>) and a side-by-side view (<see cref="Rows"/>).</summary>
/// <param name="Older">The older text.</param>
/// <param name="Newer">The newer text.</param>
/// <param name="Runs">Equal, deleted and inserted runs in reading order (a deletion comes before the insertion that replaces it).</param>
/// <param name="Rows">The same runs cut into aligned rows at paragraph breaks both texts share.</param>
public sealed record TextDiff(string Older, string Newer, IReadOnlyList<DiffRun> Runs, IReadOnlyList<DiffRow> Rows)
{
    /// <summary>Whether the texts differ.</summary>
    public bool HasChanges => !string.Equals(Older, Newer, StringComparison.Ordinal);

    /// <summary>Words inserted.</summary>
    public int WordsInserted => Runs.Where(r => r.Kind == DiffRunKind.Inserted).Sum(r => r.Words);

    /// <summary>Words deleted.</summary>
    public int WordsDeleted => Runs.Where(r => r.Kind == DiffRunKind.Deleted).Sum(r => r.Words);
}
