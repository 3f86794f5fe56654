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

    /// <summary>
    /// One sentence for people: <paramref name="language"/> "fr" (default) or "en". Clause-level changes
    /// whose author is known (<see cref="ClauseDiff.By"/>) come first for their article ("elected officials
    /// moved article 3 after article 5"); a group's text credit for an article it added, split off, merged or
    /// withdrawn is then not repeated.
    /// </summary>
    public static string Describe(BillDiff diff, string language = "fr")
    {
        ArgumentNullException.ThrowIfNull(diff);
        var en = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var contributions = Contributions(diff);
        var byClause = contributions.Where(c => c.ClauseId is not null).ToLookup(c => c.ClauseId!, StringComparer.Ordinal);
        var parts = contributions.Where(c => c.ClauseId is null).Select(c => Describe(c, en)).ToList();
        foreach (var clause in diff.Clauses)
        {
            var by = clause.By;
            if (by is not null) parts.Add(DescribeChange(diff, clause, by, en));
            foreach (var c in byClause[clause.ClauseId])
            {
                if (by is { Group: { } g, Change: not ClauseChanges.Moved } && g == c.Group) continue;
                parts.Add(Describe(c, en));
            }
        }
        if (parts.Count == 0) return en ? "No attributed change." : "Aucune modification attribuée.";
        var text = string.Join("; ", parts);
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + ".";
    }

    // "elected officials moved article 3 after article 5", "l'article 7 a été retiré (auteur inconnu)".
    // Clauses that existed before are named by their older number, new ones by their newer number.
    private static string DescribeChange(BillDiff diff, ClauseDiff clause, ChangeAuthor by, bool en)
    {
        string Article(int n) => en ? $"article {n}" : $"l'article {n}";
        var number = clause.NewerNumber != 0 ? clause.NewerNumber : clause.OlderNumber;
        string obj, past, part, partFr, rest = "", restFr = "";
        switch (by.Change)
        {
            case ClauseChanges.Moved:
                (obj, past, part, partFr) = (Article(clause.OlderNumber), "moved", "moved", "déplacé");
                var before = diff.Clauses.FirstOrDefault(c => c.NewerNumber == clause.NewerNumber - 1 && c.NewerNumber != 0);
                if (before is null) (rest, restFr) = (" to the top", " en tête");
                else if (before.OlderNumber != 0) (rest, restFr) = ($" after article {before.OlderNumber}", $" après l'article {before.OlderNumber}");
                else (rest, restFr) = ($" after new article {before.NewerNumber}", $" après le nouvel article {before.NewerNumber}");
                break;
            case ClauseChanges.Withdrawn:
                (obj, past, part, partFr) = (Article(clause.OlderNumber), "withdrew", "withdrawn", "retiré");
                break;
            case ClauseChanges.Merged:
                (obj, past, part, partFr) = (Article(clause.OlderNumber), "merged", "merged", "fusionné");
                var target = clause.MergedInto is { } into ? diff.For(into) : null;
                var targetNumber = target is null ? 0 : target.OlderNumber != 0 ? target.OlderNumber : target.NewerNumber;
                if (targetNumber != 0) (rest, restFr) = ($" into article {targetNumber}", $" dans l'article {targetNumber}");
                break;
            case ClauseChanges.Split:
                var source = clause.SplitFrom is { } from ? diff.For(from) : null;
                var sourceNumber = source is null ? 0 : source.OlderNumber != 0 ? source.OlderNumber : source.NewerNumber;
                (obj, past, part, partFr) = (Article(sourceNumber != 0 ? sourceNumber : number), "split", "split", "scindé");
                if (sourceNumber != 0) (rest, restFr) = ($" (new article {number})", $" (nouvel article {number})");
                break;
            default:
                (obj, past, part, partFr) = (Article(number), "added", "added", "ajouté");
                break;
        }
        var who = (by.Who, en) switch
        {
            ("citizens", true) => "citizens",
            ("elected-officials", true) => "elected officials",
            ("civil-servants", true) => "civil servants",
            ("facilitator", true) => "the facilitator",
            ("adopted-amendment", true) => "an adopted amendment",
            ("citizens", false) => "les citoyen·nes",
            ("elected-officials", false) => "les élu·es",
            ("civil-servants", false) => "les agent·es",
            ("facilitator", false) => "l'animation",
            ("adopted-amendment", false) => "un amendement adopté",
            _ => null,
        };
        if (who is null)
        {
            return en ? $"{obj} was {part}{rest} (author unknown)" : $"{obj} a été {partFr}{restFr} (auteur inconnu)";
        }
        var others = by.Others switch
        {
            0 => "",
            1 => en ? " (and 1 other person)" : " (et 1 autre personne)",
            var n => en ? $" (and {n} other people)" : $" (et {n} autres personnes)",
        };
        if (en) return $"{who} {past} {obj}{rest}{others}";
        var has = by.Group is null ? "a" : "ont";
        return $"{who} {has} {partFr} {obj}{restFr}{others}";
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
