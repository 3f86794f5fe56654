using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Markdown that participants typed, parsed with raw HTML disabled (it shows as text) and links cleaned:
/// only http, https, mailto and relative URLs survive; any other (javascript:, data:, vbscript:, …)
/// becomes "#".
/// </summary>
internal static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkdownDocument Parse(string markdown)
    {
        var doc = Markdown.Parse(ExportText.XmlSafe(markdown), Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        foreach (var link in doc.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        return doc;
    }

    public static string ToHtml(string markdown)
    {
        var doc = Parse(markdown);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString();
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        // Browsers drop control characters and spaces inside a scheme ("java\tscript:"), so judge without them.
        var compact = new string([.. url.Where(c => c > ' ' && c != '\u007f')]);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return true;
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // a relative URL with a colon later on
        var scheme = compact[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }
}
