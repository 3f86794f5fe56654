using DiffPlex;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>Word-level diff of two texts (DiffPlex's Myers diff over <see cref="DiffTokenizer"/> tokens).</summary>
public static class TextDiffer
{
    private static readonly Differ Differ = new();

    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>, asking <paramref name="attribution"/> (if any) who changed what.</summary>
    /// <param name="older">The older text.</param>
    /// <param name="newer">The newer text.</param>
    /// <param name="attribution">Who wrote and deleted text, or null.</param>
    /// <param name="field">Which text this is, for the attribution.</param>
    /// <param name="clauseId">Which clause, for the attribution (null for title and preamble).</param>
    public static TextDiff Compare(string older, string newer, IAttribution? attribution = null, DiffField field = DiffField.Body, string? clauseId = null)
    {
        var runs = new List<DiffRun>();
        if (string.Equals(older, newer, StringComparison.Ordinal))
        {
            if (older.Length > 0) runs.Add(Run(DiffRunKind.Equal, older, 0, 0, null, field, clauseId));
            return new TextDiff(older, newer, runs, DiffRows.Build(runs));
        }

        var result = Differ.CreateCustomDiffs(older, newer, false, DiffTokenizer.Tokenize);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        int ia = 0, ib = 0, offA = 0, offB = 0;
        foreach (var block in result.DiffBlocks)
        {
            // Equal tokens before the block.
            var equal = Join(a, ia, block.DeleteStartA - ia);
            if (equal.Length > 0) runs.Add(Run(DiffRunKind.Equal, equal, offA, offB, null, field, clauseId));
            offA += equal.Length;
            offB += equal.Length;
            ia = block.DeleteStartA;
            ib = block.InsertStartB;

            var deleted = Join(a, ia, block.DeleteCountA);
            if (deleted.Length > 0) runs.Add(Run(DiffRunKind.Deleted, deleted, offA, offB, attribution, field, clauseId));
            var inserted = Join(b, ib, block.InsertCountB);
            if (inserted.Length > 0) runs.Add(Run(DiffRunKind.Inserted, inserted, offA + deleted.Length, offB, attribution, field, clauseId));
            offA += deleted.Length;
            offB += inserted.Length;
            ia += block.DeleteCountA;
            ib += block.InsertCountB;
        }
        var tail = Join(a, ia, a.Length - ia);
        if (tail.Length > 0) runs.Add(Run(DiffRunKind.Equal, tail, offA, offB, null, field, clauseId));
        return new TextDiff(older, newer, runs, DiffRows.Build(runs));
    }

    private static string Join(string[] pieces, int start, int count) =>
        count <= 0 ? "" : string.Concat(pieces.AsSpan(start, count));

    private static DiffRun Run(DiffRunKind kind, string text, int olderStart, int newerStart, IAttribution? attribution, DiffField field, string? clauseId)
    {
        var words = 0;
        foreach (var token in DiffTokenizer.Tokenize(text))
        {
            if (DiffTokenizer.IsWord(token)) words++;
        }
        IReadOnlyList<StakeholderGroup> groups = attribution is null ? [] : kind switch
        {
            DiffRunKind.Inserted => [.. attribution.InsertedBy(field, clauseId, newerStart, text.Length)],
            DiffRunKind.Deleted => [.. attribution.DeletedBy(field, clauseId, olderStart, text.Length)],
            _ => [],
        };
        return new DiffRun(kind, text, olderStart, newerStart, words, groups);
    }
}
