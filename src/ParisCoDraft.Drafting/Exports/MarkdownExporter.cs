using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Exports a bill as Markdown: title, version line with SHA-256, preamble, "Article N — heading" sections, annex
/// tables, labels and dates in the export's language. Preamble and bodies stay the Markdown participants typed,
/// defused: no raw HTML, and no link or image whose target is not http, https or mailto. A bilingual bill gives one
/// file per language (<see cref="ExportOptions.TextLanguage"/>, the primary one by default), its version line showing
/// the hash of both texts.
/// </summary>
public static class MarkdownExporter
{
    /// <summary>The Markdown text of <paramref name="bill"/>.</summary>
    public static string Export(BillText bill, ExportOptions options)
    {
        if (bill.IsBilingual)
        {
            var language = options.TextLanguage ?? bill.Languages[0];
            return Export(bill.InLanguage(language), options with { TextSha256 = bill.Sha256(), TextLanguage = null });
        }
        var labels = options.Labels;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Escape(ExportText.OneLine(bill.Title))).Append("\n\n");
        sb.Append('*').Append(Escape(ExportText.VersionLine(bill, options))).Append("*\n\n");
        if (bill.Preamble.Trim().Length > 0) sb.Append(Defused(bill.Preamble.Trim())).Append("\n\n");
        foreach (var c in bill.Clauses)
        {
            sb.Append("## ").Append(Escape(ExportText.ArticleTitle(c, labels))).Append("\n\n");
            if (c.Body.Trim().Length > 0) sb.Append(Defused(c.Body.Trim())).Append("\n\n");
        }
        var tables = ExportText.Tables(bill, options.Annex, labels);
        if (tables.Count > 0)
        {
            sb.Append("---\n\n## ").Append(Escape(labels.Annex)).Append("\n\n");
            foreach (var t in tables)
            {
                sb.Append("### ").Append(Escape(t.Title)).Append("\n\n");
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

    // Preamble and bodies stay Markdown, but a file that reaches a renderer with HTML enabled must not run a
    // participant's script: "<" is escaped (CommonMark shows a plain "<"; autolinks go with it), and so is the
    // "[" of every image and of every link or link definition whose target is not http, https or mailto, which
    // then reads as the text that was typed. Escaping one "[" can pair an earlier "[" with the same "](…)", so
    // parse again until nothing unsafe is left; past a few rounds, escape every "[".
    private static string Defused(string markdown)
    {
        var typed = ExportText.XmlSafe(markdown).Replace("<", "\\<", StringComparison.Ordinal);
        var text = typed;
        for (var round = 0; round < 8; round++)
        {
            MarkdownDocument doc;
            try
            {
                doc = Markdig.Markdown.Parse(text, SafeMarkdown.LocatingPipeline);
            }
            catch (ArgumentException)
            {
                // Nested beyond Markdig's depth limit: the characters as typed, every mark escaped (SafeMarkdown.ParseOrLiteral).
                return SafeMarkdown.Literal(ExportText.XmlSafe(markdown));
            }
            var brackets = new SortedSet<int>();
            foreach (var link in doc.Descendants<LinkInline>())
            {
                if (!Keeps(link.Url, link.IsImage)) brackets.Add(Bracket(text, link.Span.Start));
            }
            foreach (var definition in doc.Descendants<LinkReferenceDefinition>())
            {
                if (!Keeps(definition.Url, false)) brackets.Add(Bracket(text, definition.Span.Start));
            }
            if (brackets.Count == 0) return text;
            if (brackets.Contains(-1)) break;
            foreach (var at in brackets.Reverse()) text = text.Insert(at, "\\");
        }
        return typed.Replace("[", "\\[", StringComparison.Ordinal);
    }

    // Images go too, as in the other formats: opening an export must not fetch anything.
    private static bool Keeps(string? url, bool image) => !image && ExportLinks.Target(url) is not null;

    // The "[" that opens a link ("![" for an image, up to three spaces before a definition).
    private static int Bracket(string text, int start)
    {
        var at = start < 0 ? -1 : text.IndexOf('[', start);
        return at >= 0 && at <= start + 4 ? at : -1;
    }

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
