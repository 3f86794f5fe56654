using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>A maximal run of text with one fate between two versions.</summary>
/// <param name="Kind">Equal, inserted or deleted.</param>
/// <param name="Text">The text of the run (may contain line breaks).</param>
/// <param name="OlderStart">Offset of the run in the older text (where it was, or where an insertion falls).</param>
/// <param name="NewerStart">Offset of the run in the newer text (where it is, or where a deletion fell).</param>
/// <param name="Words">Number of word tokens (letters or digits) in the run.</param>
/// <param name="Groups">Who inserted (or deleted) this run, when an attribution was given; empty otherwise.</param>
public sealed record DiffRun(
    DiffRunKind Kind,
    string Text,
    int OlderStart,
    int NewerStart,
    int Words,
    IReadOnlyList<StakeholderGroup> Groups)
{
    /// <summary>
    /// Whether the run holds punctuation and nothing but punctuation and spaces: such changes are easy to
    /// miss ("la Ville, et" / "la Ville et") so renderers highlight them.
    /// </summary>
    public bool IsPunctuationOnly => Words == 0 && Text.Any(c => !char.IsWhiteSpace(c));
}
