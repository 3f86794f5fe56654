using System.Globalization;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>Flattens Markdown (parsed by <see cref="SafeMarkdown"/>) into paragraphs of bold/italic/code spans.</summary>
internal static class MarkdownFlattener
{
    public static IReadOnlyList<FlatParagraph> Flatten(string markdown)
    {
        var result = new List<FlatParagraph>();
        Blocks(SafeMarkdown.Parse(markdown), "", false, result);
        return result;
    }

    private static void Blocks(ContainerBlock container, string prefix, bool quote, List<FlatParagraph> into)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var n = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{n++}. " : "• ";
                        var before = into.Count;
                        Blocks(item, "", quote, into);
                        if (into.Count > before) into[before] = into[before] with { Prefix = prefix + marker + into[before].Prefix };
                    }
                    break;
                case QuoteBlock q:
                    Blocks(q, prefix, true, into);
                    break;
                case ContainerBlock other:
                    Blocks(other, prefix, quote, into);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    var spans = new List<FlatSpan>();
                    Inlines(leaf.Inline, leaf is HeadingBlock, false, spans);
                    if (spans.Count > 0) into.Add(new FlatParagraph(prefix, spans, quote));
                    break;
                case LeafBlock code when code.Lines.Count > 0:
                    into.Add(new FlatParagraph(prefix, [new FlatSpan(code.Lines.ToString(), false, false, true)], quote));
                    break;
            }
        }
    }

    private static void Inlines(ContainerInline container, bool bold, bool italic, List<FlatSpan> into)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    into.Add(new FlatSpan(lit.Content.ToString(), bold, italic, false));
                    break;
                case CodeInline code:
                    into.Add(new FlatSpan(code.Content, bold, italic, true));
                    break;
                case LineBreakInline br:
                    into.Add(br.IsHard ? new FlatSpan("", bold, italic, false, LineBreak: true) : new FlatSpan(" ", bold, italic, false));
                    break;
                case HtmlEntityInline entity:
                    into.Add(new FlatSpan(entity.Transcoded.ToString(), bold, italic, false));
                    break;
                case AutolinkInline auto:
                    into.Add(new FlatSpan(auto.Url, bold, italic, false));
                    break;
                case EmphasisInline em:
                    Inlines(em, bold || em.DelimiterCount >= 2, italic || em.DelimiterCount == 1, into);
                    break;
                case ContainerInline other:
                    Inlines(other, bold, italic, into);
                    break;
            }
        }
    }
}
