namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// One aligned row of a side-by-side view: a paragraph (or several, when paragraphs were added or removed
/// in between) of the older text on the left and its counterpart on the right.
/// </summary>
/// <param name="Kind">Unchanged, modified, inserted or deleted.</param>
/// <param name="Left">Equal and deleted runs of the older text.</param>
/// <param name="Right">Equal and inserted runs of the newer text.</param>
public sealed record DiffRow(DiffRowKind Kind, IReadOnlyList<DiffRun> Left, IReadOnlyList<DiffRun> Right);
