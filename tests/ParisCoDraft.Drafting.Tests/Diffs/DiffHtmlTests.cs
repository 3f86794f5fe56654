using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using static ParisCoDraft.Drafting.Tests.Builders;

namespace ParisCoDraft.Drafting.Tests.Diffs;

public class DiffHtmlTests
{
    private static BillDiff HostileDiff() => BillDiffer.Compare(
        Bill("<b>Titre</b>", "La Ville, et <img src=x onerror=alert(1)>").Clause(Id(1), "<i>A</i>", "un & deux").Build(),
        Bill("<b>Titre</b> neuf", "La Ville et <img src=x onerror=alert(1)>").Clause(Id(1), "<i>A</i>", "un & <script>alert(1)</script>").Build());

    [Fact]
    public void EncodesEveryTextInTheInlineView()
    {
        var html = DiffHtml.Inline(HostileDiff());

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<i>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&amp;", html);
    }

    [Fact]
    public void HighlightsARemovedCommaInBothViews()
    {
        var diff = HostileDiff();

        Assert.Contains("<del class=\"punct\">,</del>", DiffHtml.Inline(diff));
        Assert.Contains("<del class=\"punct\">,</del>", DiffHtml.SideBySide(diff));
    }

    [Fact]
    public void PutsOlderTextLeftAndNewerTextRight()
    {
        var html = DiffHtml.SideBySide(HostileDiff());

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<tr class=\"row-modified\"><td class=\"older\">un &amp; <del>deux</del></td><td class=\"newer\">un &amp; <ins>&lt;", html);
    }

    [Fact]
    public void ShowsRenumberingAndGroups()
    {
        var older = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Build();
        var newer = Bill().Clause(Id(3), "N", "n").Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Build();
        var attribution = new SpanAttribution([new AttributedSpan(DiffField.Body, Id(3), false, 0, 1, StakeholderGroup.ElectedOfficials)]);

        var html = DiffHtml.Inline(BillDiffer.Compare(older, newer, attribution));

        Assert.Contains("Article <del>1</del> <ins>2</ins>", html);
        Assert.Contains("<ins data-groups=\"electedofficials\">n</ins>", html);
        Assert.Contains("class=\"diff-clause clause-added\"", html);
    }
}
