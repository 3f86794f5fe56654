using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Exports a bill as a standalone, print-ready HTML document (lang of the export's language, A4 print
/// stylesheet). Titles, headings and annex cells are HTML-encoded; preamble and bodies are Markdown rendered
/// with raw HTML disabled, links kept only to http, https and mailto targets, images as their text and
/// headings as bold paragraphs (as in DOCX and Akoma Ntoso); a Content-Security-Policy forbids scripts besides.
/// A bilingual bill is laid out side by side: title, preamble and each article in two columns, one per language
/// (each with its own <c>lang</c>), aligned by clause; printed pages keep the two columns.
/// </summary>
public static class HtmlExporter
{
    private const string Style = """
        body { font-family: "Marianne", "Helvetica Neue", Arial, sans-serif; line-height: 1.5; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #161616; }
        h1 { font-size: 1.8rem; }
        .version { color: #555; font-size: .9rem; overflow-wrap: anywhere; }
        .article h2 { font-size: 1.2rem; margin-top: 2rem; }
        body.bilingual { max-width: 72rem; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2rem; }
        .columns > * { min-width: 0; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
        th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        @page { size: A4; margin: 2cm 2cm 2.5cm; @bottom-center { content: counter(page) " / " counter(pages); } }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          .article { break-inside: avoid-page; page-break-inside: avoid; }
          .article h2 { break-after: avoid-page; page-break-after: avoid; }
          .annex { break-before: page; page-break-before: always; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
        }
        """;

    /// <summary>The HTML document of <paramref name="bill"/>.</summary>
    public static string Export(BillText bill, ExportOptions options)
    {
        var labels = options.Labels;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(labels.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"pariscodraft-sha256\" content=\"").Append(bill.Sha256()).Append("\">\n");
        sb.Append("<title>").Append(E(ExportText.OneLine(bill.Title))).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n");
        if (bill.IsBilingual)
        {
            Bilingual(sb, bill, options);
            return sb.ToString();
        }
        sb.Append("<body>\n<header>\n<h1>").Append(E(ExportText.OneLine(bill.Title))).Append("</h1>\n");
        sb.Append("<p class=\"version\">").Append(E(ExportText.VersionLine(bill, options))).Append("</p>\n</header>\n");
        if (bill.Preamble.Trim().Length > 0)
        {
            sb.Append("<section class=\"preamble\" aria-label=\"").Append(E(labels.Preamble)).Append("\">\n").Append(SafeMarkdown.ToHtml(bill.Preamble)).Append("</section>\n");
        }
        sb.Append("<main>\n");
        foreach (var c in bill.Clauses)
        {
            sb.Append("<section class=\"article\" id=\"art_").Append(E(c.Id)).Append("\">\n");
            Article(sb, c, labels);
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n");
        Annex(sb, bill, options);
        return sb.ToString();
    }

    private static void Article(StringBuilder sb, Clause c, ExportLabels labels)
    {
        sb.Append("<h2><span class=\"num\">").Append(E(ExportText.ArticleLabel(c, labels))).Append("</span>");
        var heading = ExportText.OneLine(c.Heading);
        if (heading.Length > 0) sb.Append(" — <span class=\"heading\">").Append(E(heading)).Append("</span>");
        sb.Append("</h2>\n").Append(SafeMarkdown.ToHtml(c.Body));
    }

    // Two columns per block, one per language, so a reader compares the same article across languages at a glance.
    private static void Bilingual(StringBuilder sb, BillText bill, ExportOptions options)
    {
        var parts = bill.Languages.Select(l => (Language: l, Text: bill.InLanguage(l), Options: options.ForLanguage(l, bill))).ToList();
        sb.Append("<body class=\"bilingual\">\n<header class=\"columns\">\n");
        foreach (var p in parts)
        {
            sb.Append("<div lang=\"").Append(E(p.Language)).Append("\">\n<h1>").Append(E(ExportText.OneLine(p.Text.Title))).Append("</h1>\n");
            sb.Append("<p class=\"version\">").Append(E(ExportText.VersionLine(p.Text, p.Options))).Append("</p>\n</div>\n");
        }
        sb.Append("</header>\n");
        if (parts.Any(p => p.Text.Preamble.Trim().Length > 0))
        {
            sb.Append("<section class=\"preamble columns\" aria-label=\"").Append(E(options.Labels.Preamble)).Append("\">\n");
            foreach (var p in parts) sb.Append("<div lang=\"").Append(E(p.Language)).Append("\">\n").Append(SafeMarkdown.ToHtml(p.Text.Preamble)).Append("</div>\n");
            sb.Append("</section>\n");
        }
        sb.Append("<main>\n");
        for (var i = 0; i < bill.Clauses.Count; i++)
        {
            sb.Append("<section class=\"article columns\" id=\"art_").Append(E(bill.Clauses[i].Id)).Append("\">\n");
            foreach (var p in parts)
            {
                sb.Append("<div lang=\"").Append(E(p.Language)).Append("\">\n");
                Article(sb, p.Text.Clauses[i], p.Options.Labels);
                sb.Append("</div>\n");
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n");
        Annex(sb, bill, options);
    }

    private static void Annex(StringBuilder sb, BillText bill, ExportOptions options)
    {
        var labels = options.Labels;
        var tables = ExportText.Tables(bill, options.Annex, labels);
        if (tables.Count > 0)
        {
            sb.Append("<section class=\"annex\">\n<h2>").Append(E(labels.Annex)).Append("</h2>\n");
            foreach (var t in tables)
            {
                sb.Append("<h3>").Append(E(t.Title)).Append("</h3>\n<table class=\"annex-").Append(t.Key).Append("\">\n<thead><tr>");
                foreach (var h in t.Headers) sb.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var r in t.Rows)
                {
                    sb.Append("<tr>");
                    foreach (var cell in r) sb.Append("<td>").Append(E(ExportText.OneLine(cell))).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n");
            }
            sb.Append("</section>\n");
        }
        sb.Append("</body>\n</html>\n");
    }

    private static string E(string s) => HtmlText.Encode(s);
}
