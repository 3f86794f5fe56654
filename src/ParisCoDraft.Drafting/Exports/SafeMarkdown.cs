using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Markdown that participants typed, parsed with raw HTML disabled (it shows as text) and links cleaned the
/// same way for every export format: a link survives only with an absolute http, https or mailto target
/// (<see cref="ExportLinks"/>), normalised; any other link (javascript:, data:, relative, …) is replaced by
/// its text, and an image by its alternative text (an export never fetches anything).
/// </summary>
internal static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>The same parser, keeping each inline's position in the source (for rewriting the source itself).</summary>
    public static readonly MarkdownPipeline LocatingPipeline = new MarkdownPipelineBuilder().DisableHtml().UsePreciseSourceLocation().Build();

    public static MarkdownDocument Parse(string markdown)
    {
        var doc = ParseOrLiteral(ExportText.XmlSafe(markdown), Pipeline);
        // Both lists are taken before any change: Markdig's descendant walk can miss inlines after an unwrap.
        var autolinks = doc.Descendants<AutolinkInline>().ToList();
        var links = doc.Descendants<LinkInline>().ToList();
        foreach (var auto in autolinks)
        {
            if (ExportLinks.Target(AutolinkTarget(auto)) is not null) continue;
            auto.InsertBefore(new LiteralInline(auto.Url));
            auto.Remove();
        }
        foreach (var link in links)
        {
            var target = link.IsImage ? null : ExportLinks.Target(link.GetDynamicUrl?.Invoke() ?? link.Url);
            if (target is null)
            {
                Unwrap(link);
                continue;
            }
            link.GetDynamicUrl = null;
            link.Url = target;
        }
        return doc;
    }

    /// <summary>
    /// Markdig refuses a text nested beyond its depth limit (a few thousand "*_" or "[", or a huge table) with an
    /// ArgumentException: one hostile clause would make the whole bill impossible to export. Such a text is
    /// exported as the characters that were typed, every Markdown mark escaped.
    /// </summary>
    public static MarkdownDocument ParseOrLiteral(string markdown, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return Markdown.Parse(Literal(markdown), pipeline);
        }
    }

    /// <summary>Markdown that reads as exactly <paramref name="text"/>: every ASCII punctuation mark backslash-escaped.</summary>
    public static string Literal(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + text.Length / 4);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > 0x7f || char.IsWhiteSpace(c) || char.IsControl(c)) sb.Append(c);
            else sb.Append('\\').Append(c);
        }
        return sb.ToString();
    }

    /// <summary>What an autolink points to: its URL, or mailto: and the address.</summary>
    public static string AutolinkTarget(AutolinkInline auto) => auto.IsEmail ? "mailto:" + auto.Url : auto.Url;

    public static string ToHtml(string markdown)
    {
        try
        {
            return Render(Parse(markdown));
        }
        catch (ArgumentException)
        {
            // Markdig's renderer has its own depth limit (links nested in link text, "[" by the thousand): the typed
            // characters, encoded, one paragraph per line.
            var lines = ExportText.XmlSafe(markdown).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
            return string.Concat(lines.Select(l => "<p>" + HtmlText.Encode(l) + "</p>\n"));
        }
    }

    private static string Render(MarkdownDocument doc)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        // Headings typed inside a body would break the export's outline (h1 title, h2 articles): bold paragraphs, as in DOCX and Akoma Ntoso.
        renderer.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new HtmlBodyHeadingRenderer());
        if (renderer.ObjectRenderers.Find<LinkInlineRenderer>() is { } links) links.Rel = "noopener noreferrer nofollow";
        if (renderer.ObjectRenderers.Find<AutolinkInlineRenderer>() is { } autolinks) autolinks.Rel = "noopener noreferrer nofollow";
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    // Moves a link's children where the link was, then drops the link.
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
