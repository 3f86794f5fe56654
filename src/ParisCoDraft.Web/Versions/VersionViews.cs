using System.Globalization;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Workshops;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Versions;

/// <summary>Store records and Drafting results to wire views.</summary>
internal static class VersionViews
{
    public static VersionRef Ref(StoredVersion v) => new(v.Id, v.Number, v.Kind, v.WorkshopId);

    public static VersionView Version(StoredVersion v, IReadOnlyList<StoredVersion> all, IReadOnlyDictionary<string, string> names)
    {
        var refs = all.Select(Ref).ToList();
        var baseRef = VersionPairing.DefaultBase(refs, Ref(v));
        return new VersionView(v.Id, v.Number, v.Label, v.Kind, v.WorkshopId, v.Taken,
            v.TakenBy is { } by ? names.GetValueOrDefault(by, by) : null, v.Sha256, baseRef?.Id);
    }

    public static WorkshopView Workshop(StoredWorkshop w, IReadOnlyList<StoredVersion> versions)
    {
        var opening = versions.LastOrDefault(v => v.WorkshopId == w.Id && v.Kind == VersionKinds.WorkshopOpen);
        var closing = versions.LastOrDefault(v => v.WorkshopId == w.Id && v.Kind == VersionKinds.WorkshopClose);
        return new WorkshopView(w.Id, w.Name, w.Date, w.Place, w.Mode, w.State, w.Opened, w.Closed, opening?.Id, closing?.Id);
    }

    public static ClauseTextView Clause(Clause c) => new(c.Id, c.Number, c.Heading, c.Body, c.MergedInto, c.SplitFrom);

    public static VersionTextView Text(VersionView? version, BillText text) => new(
        version, text.Title, text.Preamble, [.. text.Clauses.Select(Clause)], [.. text.Withdrawn.Select(Clause)], text.Sha256());

    public static DiffView Diff(VersionView? older, VersionView? newer, BillDiff diff, long milliseconds) => new(
        older, newer, diff.OlderSha256, diff.NewerSha256, diff.HasChanges,
        DiffSummary.Describe(diff, "fr"), DiffSummary.Describe(diff, "en"),
        [.. DiffSummary.Contributions(diff).Select(c => new ContributionView(
            GroupWire.Of(c.Group), Wire(c.Field.ToString()), c.ClauseId, c.ArticleNumber, Wire(c.Kind.ToString()), c.WordsInserted, c.WordsDeleted))],
        [.. diff.Clauses.Select(c => new ClauseChangeView(
            c.ClauseId, c.OlderNumber, c.NewerNumber,
            [.. Enum.GetValues<ClauseChanges>().Where(f => f != ClauseChanges.Unchanged && c.Has(f)).Select(f => Wire(f.ToString()))],
            c.MergedInto, c.SplitFrom,
            c.Heading.WordsInserted + c.Body.WordsInserted, c.Heading.WordsDeleted + c.Body.WordsDeleted,
            [.. c.Heading.Runs.Concat(c.Body.Runs).SelectMany(r => r.Groups).Distinct().Order().Select(GroupWire.Of)],
            c.By is { } by ? By(by) : null))],
        DiffHtml.Inline(diff), DiffHtml.SideBySide(diff), milliseconds);

    public static ClauseChangeByView By(ChangeAuthor by) => new(
        Wire(by.Change.ToString()), by.Who, by.Group is { } g ? GroupWire.Of(g) : null, by.Role?.ToWire(), by.Name, by.Others);

    /// <summary>PascalCase to kebab-case: HeadingChanged → heading-changed.</summary>
    public static string Wire(string name)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLower(name[i], CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
