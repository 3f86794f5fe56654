namespace ParisCoDraft.Drafting.Exports;

/// <summary>A piece of inline text with its emphasis.</summary>
internal sealed record FlatSpan(string Text, bool Bold, bool Italic, bool Code, bool LineBreak = false);
