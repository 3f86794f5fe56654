using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>Exports a bill as Markdown: title, version line with SHA-256, preamble, "Article N — heading" sections, annex tables.</summary>
public static class MarkdownExporter
{
    /// <summary>The Markdown text of <paramref name="bill"/>.</summary>
    public static string Export(BillText bill, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(ExportText.OneLine(bill.Title))).Append("\n\n");
        sb.Append('*').Append(Escape(ExportText.VersionLine(bill, options))).Append("*\n\n");
        if (bill.Preamble.Trim().Length > 0) sb.Append(NoRawHtml(bill.Preamble.Trim())).Append("\n\n");
        foreach (var c in bill.Clauses)
        {
            sb.Append("## ").Append(Escape(ExportText.ArticleTitle(c))).Append("\n\n");
            if (c.Body.Trim().Length > 0) sb.Append(NoRawHtml(c.Body.Trim())).Append("\n\n");
        }
        var tables = ExportText.Tables(bill, options.Annex);
        if (tables.Count > 0)
        {
            sb.Append("---\n\n## ").Append(ExportText.AnnexTitle).Append("\n\n");
            foreach (var t in tables)
            {
                sb.Append("### ").Append(t.Title).Append("\n\n");
                Row(sb, t.Headers);
                Row(sb, [.. t.Headers.Select(_ => "---")]);
                foreach (var r in t.Rows) Row(sb, r);
                sb.Append('\n');
            }
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Row(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.Append('|');
        foreach (var cell in cells) sb.Append(' ').Append(Escape(ExportText.OneLine(cell))).Append(" |");
        sb.Append('\n');
    }

    // Preamble and bodies stay Markdown, but no renderer may read raw HTML in them (a file that reaches a
    // renderer with HTML enabled must not run a participant's script): "<" is escaped, which CommonMark
    // shows as a plain "<".
    private static string NoRawHtml(string markdown) => markdown.Replace("<", "\\<", StringComparison.Ordinal);

    // Title, headings, cells and the version line are plain text: keep Markdown (and the HTML it allows)
    // from reading them as markup.
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '\\' or '|' or '*' or '_' or '<' or '>' or '[' or ']' or '`' or '#' or '&') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
