using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>
/// What must never be in an export: anything a browser or Word would run, fetch or follow to a non-web
/// target, and the explicit bidirectional controls. Each check returns the problems found (empty when safe).
/// </summary>
internal static partial class ActiveContent
{
    /// <summary>Elements that run, embed, fetch or redirect.</summary>
    private static readonly string[] ActiveTags = ["<script", "<iframe", "<object", "<embed", "<img", "<svg", "<math", "<form", "<base", "<link", "<meta http-equiv=\"refresh\"", "<frame", "<audio", "<video", "<source", "<style"];

    /// <summary>Problems in HTML (an HTML export, or a Markdown export rendered with raw HTML on).</summary>
    public static List<string> InHtml(string html, bool ownHead = false)
    {
        var problems = new List<string>();
        // The export's own head holds one style element and its CSP meta; the rest of the document holds none.
        var body = ownHead && html.IndexOf("<body>", StringComparison.Ordinal) is var at and >= 0 ? html[at..] : html;
        foreach (var tag in ActiveTags)
        {
            if (body.Contains(tag, StringComparison.OrdinalIgnoreCase)) problems.Add("element " + tag);
        }
        foreach (Match m in EventHandler().Matches(body)) problems.Add("event handler " + m.Value);
        foreach (Match m in UrlAttribute().Matches(body))
        {
            var url = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
            if (!IsWebTarget(url)) problems.Add("link to " + url);
        }
        problems.AddRange(Bidi(html));
        return problems;
    }

    /// <summary>Problems in a DOCX: fields other than the footer's page numbers (PAGE, NUMPAGES), parts beyond text, styles, numbering and footer, non-web links.</summary>
    public static List<string> InDocx(WordprocessingDocument doc)
    {
        var problems = new List<string>();
        var main = doc.MainDocumentPart!;
        var body = main.Document!.Body!;
        if (body.Descendants<FieldCode>().Any() || body.Descendants<FieldChar>().Any() || body.Descendants<SimpleField>().Any())
        {
            problems.Add("a field in the body");
        }
        foreach (var part in main.Parts.Select(p => p.OpenXmlPart))
        {
            if (part is not (StyleDefinitionsPart or FooterPart or NumberingDefinitionsPart)) problems.Add("part " + part.GetType().Name);
        }
        foreach (var footer in main.FooterParts)
        {
            var fields = footer.Footer!.Descendants<SimpleField>().Select(f => f.Instruction?.Value?.Trim()).ToList();
            if (fields.Any(f => f is not ("PAGE" or "NUMPAGES")) || footer.Footer.Descendants<FieldCode>().Any()) problems.Add("footer field " + string.Join(",", fields));
        }
        if (main.ExternalRelationships.Any()) problems.Add("external relationship " + main.ExternalRelationships.First().Uri);
        foreach (var link in main.HyperlinkRelationships)
        {
            if (!IsWebTarget(link.Uri.OriginalString)) problems.Add("hyperlink to " + link.Uri);
        }
        problems.AddRange(Bidi(body.InnerText));
        return problems;
    }

    /// <summary>Explicit bidirectional controls left in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Bidi(string text) =>
        text.Where(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')).Distinct().Select(c => $"bidi control U+{(int)c:X4}");

    private static bool IsWebTarget(string url) =>
        url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#');

    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<[a-zA-Z][^>]*?\s(?:href|src|action|formaction|data|poster|background)\s*=\s*[""']?(?<url>[^""'\s>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
