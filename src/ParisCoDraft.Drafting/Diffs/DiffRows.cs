namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Cuts a run list into side-by-side rows: a row ends at a line break both texts keep (an equal line
/// break), so unchanged paragraphs face each other and an inserted paragraph stays in the row it joins.
/// </summary>
internal static class DiffRows
{
    public static IReadOnlyList<DiffRow> Build(IReadOnlyList<DiffRun> runs)
    {
        var rows = new List<DiffRow>();
        var left = new List<DiffRun>();
        var right = new List<DiffRun>();
        foreach (var run in runs)
        {
            if (run.Kind != DiffRunKind.Equal)
            {
                (run.Kind == DiffRunKind.Deleted ? left : right).Add(run);
                continue;
            }
            var pos = 0;
            while (true)
            {
                var nl = run.Text.IndexOf('\n', pos);
                var piece = nl < 0 ? run.Text[pos..] : run.Text[pos..nl];
                if (piece.Length > 0)
                {
                    var part = run with { Text = piece, OlderStart = run.OlderStart + pos, NewerStart = run.NewerStart + pos, Words = CountWords(piece) };
                    left.Add(part);
                    right.Add(part);
                }
                if (nl < 0) break;
                Close(rows, left, right);
                pos = nl + 1;
            }
        }
        Close(rows, left, right);
        return rows;
    }

    private static void Close(List<DiffRow> rows, List<DiffRun> left, List<DiffRun> right)
    {
        if (left.Count == 0 && right.Count == 0) return;
        var changed = left.Concat(right).Any(r => r.Kind != DiffRunKind.Equal);
        var leftText = left.Any(r => r.Text.Trim().Length > 0);
        var rightText = right.Any(r => r.Text.Trim().Length > 0);
        var kind = !changed ? DiffRowKind.Unchanged
            : !leftText ? DiffRowKind.Inserted
            : !rightText ? DiffRowKind.Deleted
            : DiffRowKind.Modified;
        rows.Add(new DiffRow(kind, [.. left], [.. right]));
        left.Clear();
        right.Clear();
    }

    private static int CountWords(string text) => DiffTokenizer.Tokenize(text).Count(DiffTokenizer.IsWord);
}
