using System.Text;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// HTML fragments for a <see cref="BillDiff"/>: inline (one text with &lt;del&gt;/&lt;ins&gt;) and side by
/// side (a table of aligned rows). All text is HTML-encoded; punctuation-only changes get the extra class
/// <c>punct</c> so a style can make a lone comma visible; runs carry <c>data-groups</c> when attributed.
/// </summary>
public static class DiffHtml
{
    /// <summary>The inline view of the whole bill.</summary>
    public static string Inline(BillDiff diff)
    {
        var sb = new StringBuilder("<div class=\"diff diff-inline\">");
        sb.Append("<h1 class=\"diff-title\">");
        AppendRuns(sb, diff.Title.Runs);
        sb.Append("</h1>");
        if (diff.Preamble.Runs.Count > 0)
        {
            sb.Append("<div class=\"diff-preamble\">");
            AppendRuns(sb, diff.Preamble.Runs);
            sb.Append("</div>");
        }
        foreach (var c in diff.Clauses)
        {
            OpenClause(sb, c);
            sb.Append("<h2>");
            AppendNumber(sb, c);
            if (c.Heading.Runs.Count > 0)
            {
                sb.Append(" — ");
                AppendRuns(sb, c.Heading.Runs);
            }
            sb.Append("</h2><div class=\"diff-body\">");
            AppendRuns(sb, c.Body.Runs);
            sb.Append("</div></section>");
        }
        return sb.Append("</div>").ToString();
    }

    /// <summary>The side-by-side view of the whole bill: one table, older text left, newer right.</summary>
    public static string SideBySide(BillDiff diff)
    {
        var sb = new StringBuilder("<div class=\"diff diff-side\">");
        Table(sb, "diff-title", diff.Title);
        if (diff.Preamble.Rows.Count > 0) Table(sb, "diff-preamble", diff.Preamble);
        foreach (var c in diff.Clauses)
        {
            OpenClause(sb, c);
            sb.Append("<h2>");
            AppendNumber(sb, c);
            sb.Append("</h2>");
            if (c.Heading.Rows.Count > 0) Table(sb, "diff-heading", c.Heading);
            Table(sb, "diff-body", c.Body);
            sb.Append("</section>");
        }
        return sb.Append("</div>").ToString();
    }

    private static void OpenClause(StringBuilder sb, ClauseDiff c)
    {
        sb.Append("<section class=\"diff-clause");
        foreach (var flag in Enum.GetValues<ClauseChanges>())
        {
            if (flag != ClauseChanges.Unchanged && c.Has(flag)) sb.Append(" clause-").Append(flag.ToString().ToLowerInvariant());
        }
        if (c.Changes == ClauseChanges.Unchanged) sb.Append(" clause-unchanged");
        sb.Append("\" data-clause=\"").Append(HtmlText.Encode(c.ClauseId)).Append('"');
        if (c.By is { } by)
        {
            sb.Append(" data-by-change=\"").Append(by.Change.ToString().ToLowerInvariant()).Append("\" data-by=\"").Append(by.Who).Append('"');
            if (by.Name is { } name) sb.Append(" data-by-name=\"").Append(HtmlText.Encode(name)).Append('"');
            if (by.Others > 0) sb.Append(" data-by-others=\"").Append(by.Others).Append('"');
        }
        sb.Append('>');
    }

    private static void AppendNumber(StringBuilder sb, ClauseDiff c)
    {
        if (c.OlderNumber != 0 && c.NewerNumber != 0 && c.OlderNumber != c.NewerNumber)
        {
            sb.Append("Article <del>").Append(c.OlderNumber).Append("</del> <ins>").Append(c.NewerNumber).Append("</ins>");
        }
        else if (c.NewerNumber != 0)
        {
            sb.Append("Article ").Append(c.NewerNumber);
        }
        else
        {
            sb.Append("<del>Article ").Append(c.OlderNumber).Append("</del>");
        }
        if (c.MergedInto is { } into) sb.Append(" <span class=\"diff-note\">→ ").Append(HtmlText.Encode(into)).Append("</span>");
        if (c.SplitFrom is { } from && c.Has(ClauseChanges.Split)) sb.Append(" <span class=\"diff-note\">← ").Append(HtmlText.Encode(from)).Append("</span>");
    }

    private static void Table(StringBuilder sb, string cssClass, TextDiff text)
    {
        sb.Append("<table class=\"").Append(cssClass).Append("\"><tbody>");
        foreach (var row in text.Rows)
        {
            sb.Append("<tr class=\"row-").Append(row.Kind.ToString().ToLowerInvariant()).Append("\"><td class=\"older\">");
            AppendRuns(sb, row.Left);
            sb.Append("</td><td class=\"newer\">");
            AppendRuns(sb, row.Right);
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table>");
    }

    private static void AppendRuns(StringBuilder sb, IEnumerable<DiffRun> runs)
    {
        foreach (var run in runs)
        {
            var tag = run.Kind switch { DiffRunKind.Inserted => "ins", DiffRunKind.Deleted => "del", _ => null };
            if (tag is not null)
            {
                sb.Append('<').Append(tag);
                if (run.IsPunctuationOnly) sb.Append(" class=\"punct\"");
                if (run.Groups.Count > 0)
                {
                    sb.Append(" data-groups=\"").Append(string.Join(' ', run.Groups.Select(g => g.ToString().ToLowerInvariant()))).Append('"');
                }
                sb.Append('>');
            }
            sb.Append(HtmlText.Encode(run.Text).Replace("\n", "<br>", StringComparison.Ordinal));
            if (tag is not null) sb.Append("</").Append(tag).Append('>');
        }
    }
}
