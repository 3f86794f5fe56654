namespace ParisCoDraft.Drafting.Exports;

/// <summary>A piece of inline text with its emphasis, and the link it belongs to.</summary>
/// <param name="Text">The text.</param>
/// <param name="Bold">Bold.</param>
/// <param name="Italic">Italic.</param>
/// <param name="Code">Inline code (monospace).</param>
/// <param name="LineBreak">A hard line break (Text is empty).</param>
/// <param name="Href">The absolute http, https or mailto target of the link this text belongs to (checked by <see cref="ExportLinks"/>), or null.</param>
internal sealed record FlatSpan(string Text, bool Bold, bool Italic, bool Code, bool LineBreak = false, string? Href = null);
