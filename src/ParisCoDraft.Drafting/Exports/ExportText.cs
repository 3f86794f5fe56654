using System.Globalization;
using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>The lines and tables every export shares, in the export's language (<see cref="ExportLabels"/>).</summary>
internal static class ExportText
{
    public static string ArticleLabel(Clause c, ExportLabels l) => l.ArticleNumber(c.Number);

    public static string ArticleTitle(Clause c, ExportLabels l) =>
        OneLine(c.Heading).Length > 0 ? ArticleLabel(c, l) + " — " + OneLine(c.Heading) : ArticleLabel(c, l);

    /// <summary>"Version v3 du 1er juin 2025 à 08:30 UTC — SHA-256 du texte : …".</summary>
    public static string VersionLine(BillText bill, ExportOptions options) =>
        options.Labels.VersionLine(OneLine(options.VersionLabel), options.Timestamp, options.TextSha256 ?? bill.Sha256());

    public static string OneLine(string s) => string.Join(' ', XmlSafe(s).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Removes what an exported text must not hold: characters XML 1.0 cannot hold (control characters, lone
    /// surrogates) and the explicit bidirectional controls (embeddings, overrides, isolates and their pops,
    /// U+202A–U+202E and U+2066–U+2069). An official text must read as it is written: an override shows its
    /// characters in another order than the one stored, signed (SHA-256) and searched (the "Trojan Source"
    /// trick), and French or English legal text never needs one, since Arabic or Hebrew words are laid out by
    /// the Unicode bidirectional algorithm without them. The implicit marks (U+200E, U+200F, U+061C) stay: they
    /// cannot reorder a word, only place the punctuation next to it.
    /// </summary>
    public static string XmlSafe(string s)
    {
        var sb = (StringBuilder?)null;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = (c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) && !IsBidiControl(c);
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

    /// <summary>An explicit bidirectional formatting character (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The annex tables of <paramref name="annex"/>, clause ids shown as article numbers.</summary>
    public static IReadOnlyList<AnnexTable> Tables(BillText bill, ExportAnnex? annex, ExportLabels l)
    {
        if (annex is null) return [];
        var tables = new List<AnnexTable>();
        string Art(string id)
        {
            var active = bill.Clauses.FirstOrDefault(c => c.Id == id);
            if (active is not null) return ArticleLabel(active, l);
            return bill.Withdrawn.Any(c => c.Id == id) ? id + " (" + l.Withdrawn + ")" : id;
        }
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        if (annex.Consensus.Count > 0)
        {
            tables.Add(new AnnexTable("consensus", l.ConsensusTitle, l.ConsensusHeaders,
                [.. annex.Consensus.SelectMany(c => c.ByGroup.OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)
                    [Art(c.ClauseId), l.Group(g.Key), N(g.Value.Agree), N(g.Value.Reservations), N(g.Value.Disagree), N(g.Value.Block), l.State(c.State)]))]));
        }
        if (annex.Approval is { } vote)
        {
            tables.Add(new AnnexTable("approval", l.ApprovalTitle, l.ApprovalHeaders,
                [[vote.Who, l.Timestamp(vote.When), l.Result(vote.Result), vote.Sha256]]));
        }
        if (annex.Ideas.Count > 0)
        {
            tables.Add(new AnnexTable("ideas", l.IdeasTitle, l.IdeasHeaders,
                [.. annex.Ideas.Select(i => (IReadOnlyList<string>)[N(i.IdeaNumber), i.Title, i.Outcome, string.Join(", ", i.ClauseIds.Select(Art))])]));
        }
        if (annex.Workshops.Count > 0)
        {
            tables.Add(new AnnexTable("workshops", l.WorkshopsTitle, l.WorkshopsHeaders,
                [.. annex.Workshops.Select(w => (IReadOnlyList<string>)[w.Name, l.Date(w.Date), w.Place])]));
        }
        if (annex.Commitments.Count > 0)
        {
            tables.Add(new AnnexTable("commitments", l.CommitmentsTitle, l.CommitmentsHeaders,
                [.. annex.Commitments.Select(c => (IReadOnlyList<string>)[Art(c.ClauseId), c.Department, c.Action, l.Date(c.DueDate), l.CommitmentStatus(c.Status)])]));
        }
        return tables;
    }
}
