using System.Globalization;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>Who changed what, from an attributed <see cref="BillDiff"/>: "civil servants reworded article 3 (12 words); citizens added article 7".</summary>
public static class DiffSummary
{
    /// <summary>The contributions of each group, in reading order (title, preamble, then articles); heading and body of one clause are counted together as the body.</summary>
    public static IReadOnlyList<GroupContribution> Contributions(BillDiff diff)
    {
        var result = new List<GroupContribution>();
        Add(result, [diff.Title], DiffField.Title, null, 0, false);
        Add(result, [diff.Preamble], DiffField.Preamble, null, 0, false);
        foreach (var c in diff.Clauses)
        {
            var number = c.NewerNumber != 0 ? c.NewerNumber : c.OlderNumber;
            var added = c.Has(ClauseChanges.Added) || c.Has(ClauseChanges.Split);
            Add(result, [c.Heading, c.Body], DiffField.Body, c.ClauseId, number, added);
        }
        return result;
    }

    /// <summary>One sentence for people: <paramref name="language"/> "fr" (default) or "en".</summary>
    public static string Describe(BillDiff diff, string language = "fr")
    {
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var parts = Contributions(diff).Select(c => Describe(c, en)).ToList();
        if (parts.Count == 0) return en ? "No attributed change." : "Aucune modification attribuée.";
        var text = string.Join("; ", parts);
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + ".";
    }

    private static void Add(List<GroupContribution> into, TextDiff[] texts, DiffField field, string? clauseId, int number, bool clauseAdded)
    {
        var runs = texts.SelectMany(t => t.Runs).Where(r => r.Kind != DiffRunKind.Equal).ToList();
        foreach (var group in runs.SelectMany(r => r.Groups).Distinct().Order())
        {
            var ins = runs.Where(r => r.Kind == DiffRunKind.Inserted && r.Groups.Contains(group)).Sum(r => r.Words);
            var del = runs.Where(r => r.Kind == DiffRunKind.Deleted && r.Groups.Contains(group)).Sum(r => r.Words);
            var kind = clauseAdded ? ContributionKind.AddedClause
                : ins > 0 && del > 0 ? ContributionKind.Reworded
                : ins > 0 ? ContributionKind.Extended
                : ContributionKind.Cut;
            into.Add(new GroupContribution(group, field, clauseId, number, kind, ins, del));
        }
    }

    private static string Describe(GroupContribution c, bool en)
    {
        var who = (c.Group, en) switch
        {
            (StakeholderGroup.Citizens, true) => "citizens",
            (StakeholderGroup.ElectedOfficials, true) => "elected officials",
            (StakeholderGroup.CivilServants, true) => "civil servants",
            (StakeholderGroup.Citizens, false) => "les citoyen·nes",
            (StakeholderGroup.ElectedOfficials, false) => "les élu·es",
            _ => "les agent·es",
        };
        var what = (c.Field, en) switch
        {
            (DiffField.Title, true) => "the title",
            (DiffField.Preamble, true) => "the preamble",
            (DiffField.Title, false) => "le titre",
            (DiffField.Preamble, false) => "le préambule",
            (_, true) => $"article {c.ArticleNumber}",
            _ => $"l'article {c.ArticleNumber}",
        };
        if (c.Kind == ContributionKind.AddedClause) return en ? $"{who} added {what}" : $"{who} ont ajouté {what}";
        var verb = (c.Kind, en) switch
        {
            (ContributionKind.Reworded, true) => "reworded",
            (ContributionKind.Extended, true) => "added to",
            (ContributionKind.Cut, true) => "cut words from",
            (ContributionKind.Reworded, false) => "ont reformulé",
            (ContributionKind.Extended, false) => "ont complété",
            _ => "ont supprimé des mots de",
        };
        var unit = en ? (c.Words == 1 ? "word" : "words") : (c.Words == 1 ? "mot" : "mots");
        return $"{who} {verb} {what} ({c.Words} {unit})";
    }
}
