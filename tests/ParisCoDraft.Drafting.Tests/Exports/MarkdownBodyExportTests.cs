using Markdig;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>The HTML and Markdown exports treat bodies as DOCX and Akoma Ntoso do: same links kept, same headings.</summary>
public partial class MarkdownBodyExportTests
{
    [Fact]
    public void HtmlRendersListsQuotesAndHeadingsAsBoldParagraphs()
    {
        var html = Html(MarkdownBodies.Structured);

        Assert.Contains("<li>ouvrir des <strong>îlots</strong></li>", html);
        Assert.Contains("<ol start=\"3\">", html);
        Assert.Contains("<blockquote>\n<p>Citation de <em>l'Assemblée</em></p>\n</blockquote>", html);
        Assert.Contains("<p class=\"heading\"><strong>Modalités</strong></p>", html);
        Assert.DoesNotContain("<h2>Modalités", html);
        Assert.Contains("<a href=\"mailto:mairie@paris.fr\" rel=\"noopener noreferrer nofollow\">la mairie</a>", html);
    }

    [Fact]
    public void HtmlKeepsTheTextOfHostileLinksAndNeverAnImage()
    {
        var html = Html(MarkdownBodies.Hostile);

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<p>clic rel img javascript:alert(2)</p>", html);
        Assert.Contains("img-src data:", html);
    }

    [Fact]
    public void MarkdownExportDefusesHostileLinksEvenForARendererWithHtmlOn()
    {
        var md = MarkdownExporter.Export(MarkdownBodies.Bill(MarkdownBodies.Hostile), new ExportOptions("v1", DateTimeOffset.UnixEpoch));

        // A renderer with raw HTML allowed, as a careless viewer would use.
        var rendered = Markdig.Markdown.ToHtml(md, new MarkdownPipelineBuilder().Build());
        Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Href().Matches(rendered), m => !m.Groups["url"].Value.StartsWith("https://", StringComparison.Ordinal));
        Assert.Contains("[clic](javascript:alert(1))", rendered, StringComparison.Ordinal); // shown as typed
    }

    [Fact]
    public void MarkdownExportKeepsSafeLinksAndStructureAsTyped()
    {
        var md = MarkdownExporter.Export(MarkdownBodies.Bill(MarkdownBodies.Structured), new ExportOptions("v1", DateTimeOffset.UnixEpoch));

        Assert.Contains(MarkdownBodies.Structured, md, StringComparison.Ordinal);
    }

    private static string Html(string body) => HtmlExporter.Export(MarkdownBodies.Bill(body), new ExportOptions("v1", DateTimeOffset.UnixEpoch));

    [System.Text.RegularExpressions.GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex Href();
}
