namespace ParisCoDraft.Drafting.Exports;

/// <summary>One paragraph of a Markdown body, flattened for formats without Markdown (DOCX, Akoma Ntoso).</summary>
/// <param name="Prefix">"• " or "1. " for list items, "" otherwise.</param>
/// <param name="Spans">The inline text.</param>
/// <param name="Quote">Whether it was in a block quote.</param>
internal sealed record FlatParagraph(string Prefix, IReadOnlyList<FlatSpan> Spans, bool Quote);
