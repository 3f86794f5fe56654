using System.Globalization;
using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>The words and tables every export shares (French).</summary>
internal static class ExportText
{
    public const string AnnexTitle = "Annexe";

    public static string ArticleLabel(Clause c) => "Article " + c.Number.ToString(CultureInfo.InvariantCulture);

    public static string ArticleTitle(Clause c) =>
        OneLine(c.Heading).Length > 0 ? ArticleLabel(c) + " — " + OneLine(c.Heading) : ArticleLabel(c);

    /// <summary>"Version v3 du 2025-06-01 10:00 UTC — SHA-256 : …".</summary>
    public static string VersionLine(BillText bill, ExportOptions options) =>
        $"Version {OneLine(options.VersionLabel)} du {Timestamp(options.Timestamp)} — SHA-256 : {bill.Sha256()}";

    public static string Timestamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string OneLine(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Removes characters XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    public static string XmlSafe(string s)
    {
        var sb = (StringBuilder?)null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb?.Append(c).Append(s[i + 1]);
                i++;
                continue;
            }
            if (ok) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(s, 0, i, s.Length);
        }
        return sb?.ToString() ?? s;
    }

    public static string GroupName(StakeholderGroup g) => g switch
    {
        StakeholderGroup.Citizens => "Citoyen·nes",
        StakeholderGroup.ElectedOfficials => "Élu·es",
        _ => "Agent·es",
    };

    public static string StateName(ClauseConsensusState s) => s switch
    {
        ClauseConsensusState.Open => "En discussion",
        ClauseConsensusState.Consensus => "Consensus",
        ClauseConsensusState.ConsensusWithReservations => "Consensus avec réserves",
        ClauseConsensusState.NoConsensus => "Pas de consensus",
        _ => "Bloqué",
    };

    /// <summary>The annex tables of <paramref name="annex"/>, clause ids shown as article numbers.</summary>
    public static IReadOnlyList<AnnexTable> Tables(BillText bill, ExportAnnex? annex)
    {
        if (annex is null) return [];
        var tables = new List<AnnexTable>();
        string Art(string id)
        {
            var active = bill.Clauses.FirstOrDefault(c => c.Id == id);
            if (active is not null) return ArticleLabel(active);
            return bill.Withdrawn.Any(c => c.Id == id) ? id + " (retiré)" : id;
        }
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        if (annex.Consensus.Count > 0)
        {
            tables.Add(new AnnexTable("consensus", "Consensus par article",
                ["Article", "Groupe", "D'accord", "Réserves", "Désaccord", "Blocage", "État"],
                [.. annex.Consensus.SelectMany(c => c.ByGroup.OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)
                    [Art(c.ClauseId), GroupName(g.Key), N(g.Value.Agree), N(g.Value.Reservations), N(g.Value.Disagree), N(g.Value.Block), StateName(c.State)]))]));
        }
        if (annex.Approval is { } vote)
        {
            tables.Add(new AnnexTable("approval", "Vote d'approbation",
                ["Votant·es", "Date", "Résultat", "SHA-256 du texte voté"],
                [[vote.Who, Timestamp(vote.When), vote.Result == ApprovalResult.Approved ? "Approuvé" : "Rejeté", vote.Sha256]]));
        }
        if (annex.Ideas.Count > 0)
        {
            tables.Add(new AnnexTable("ideas", "Traçabilité des idées de l'Assemblée",
                ["N°", "Idée", "Suite donnée", "Articles"],
                [.. annex.Ideas.Select(i => (IReadOnlyList<string>)[N(i.IdeaNumber), i.Title, i.Outcome, string.Join(", ", i.ClauseIds.Select(Art))])]));
        }
        if (annex.Workshops.Count > 0)
        {
            tables.Add(new AnnexTable("workshops", "Ateliers de co-rédaction",
                ["Atelier", "Date", "Lieu"],
                [.. annex.Workshops.Select(w => (IReadOnlyList<string>)[w.Name, Date(w.Date), w.Place])]));
        }
        if (annex.Commitments.Count > 0)
        {
            tables.Add(new AnnexTable("commitments", "Engagements de suivi",
                ["Article", "Direction", "Action", "Échéance", "État"],
                [.. annex.Commitments.Select(c => (IReadOnlyList<string>)[Art(c.ClauseId), c.Department, c.Action, Date(c.DueDate), c.Status])]));
        }
        return tables;
    }
}
