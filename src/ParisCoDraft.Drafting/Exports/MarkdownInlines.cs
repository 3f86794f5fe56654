using Markdig.Syntax.Inlines;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// The inline content of a Markdown block (parsed by <see cref="SafeMarkdown"/>, so links are already
/// checked) as spans of bold/italic/code text, hard line breaks and link targets, for the formats that are
/// not HTML (DOCX, Akoma Ntoso).
/// </summary>
internal static class MarkdownInlines
{
    public static List<FlatSpan> Spans(ContainerInline? inline, bool bold)
    {
        var spans = new List<FlatSpan>();
        if (inline is not null) Walk(inline, bold, false, null, spans);
        return spans;
    }

    private static void Walk(ContainerInline container, bool bold, bool italic, string? href, List<FlatSpan> into)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline lit:
                    into.Add(new FlatSpan(lit.Content.ToString(), bold, italic, false, Href: href));
                    break;
                case CodeInline code:
                    into.Add(new FlatSpan(code.Content, bold, italic, true, Href: href));
                    break;
                case LineBreakInline br:
                    into.Add(br.IsHard ? new FlatSpan("", bold, italic, false, LineBreak: true) : new FlatSpan(" ", bold, italic, false, Href: href));
                    break;
                case HtmlEntityInline entity:
                    into.Add(new FlatSpan(entity.Transcoded.ToString(), bold, italic, false, Href: href));
                    break;
                case AutolinkInline auto:
                    into.Add(new FlatSpan(auto.Url, bold, italic, false, Href: href ?? ExportLinks.Target(SafeMarkdown.AutolinkTarget(auto))));
                    break;
                case LinkInline link:
                    // SafeMarkdown left only links whose target ExportLinks accepts; check again rather than trust.
                    Walk(link, bold, italic, href ?? ExportLinks.Target(link.Url), into);
                    break;
                case EmphasisInline em:
                    Walk(em, bold || em.DelimiterCount >= 2, italic || em.DelimiterCount == 1, href, into);
                    break;
                case ContainerInline other:
                    Walk(other, bold, italic, href, into);
                    break;
            }
        }
    }
}
