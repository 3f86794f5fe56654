using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>
/// Seeded random bills in every state the product can reach: 0 to 50 articles, empty or blank texts, withdrawn
/// clauses (some merged into an active one), split clauses, Markdown of every kind, hostile text (markup, script
/// links, Word field codes, XML entities, bidirectional controls, control characters, lone surrogates), and an
/// annex that is absent, empty or full, referring to active, withdrawn or unknown clauses.
/// </summary>
internal static class GeneratedBill
{
    private static readonly string[] Snippets =
    [
        "", " ", "\n\n", "Texte simple.", "La Ville **s'engage** à *agir*.", "- un\n- deux\n  - deux bis\n\n1. premier\n2. second",
        "> citation\n>> imbriquée", "# Titre tapé\n\nParagraphe", "`code` et ```\nbloc\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[clic](javascript:alert(3))", "[c](JAVASCRIPT:alert(4))",
        "[d](data:text/html;base64,PHNjcmlwdD4=)", "![img](https://evil.example/x.png)", "<javascript:alert(5)>", "[ok](https://paris.fr/a?b=1&c=2)",
        "[m](mailto:a@paris.fr)", "[ref][r]\n\n[r]: javascript:alert(6)", "<a href=\"javascript:alert(7)\" onclick=\"x()\">a</a>",
        "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" }", "{ INCLUDEPICTURE \"http://evil.example/x.png\" \\d }",
        "{ HYPERLINK \"javascript:alert(8)\" }", "=cmd|' /C calc'!A0", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;",
        "&lt;script&gt; &amp;amp; &#x3C;b&#x3E; &#0; &#xD800;", "]]> <![CDATA[ x ]]>", "<?xml version=\"1.0\"?>",
        "abc\u202Eexe.txt\u202C", "\u2067שלום\u2069 et \u202Bمرحبا\u202C", "\u200Fmark\u200E", "contrôle \u0001\u0008\u000B\u001F fin",
        "seul \uD800 et \uDC00", "émoji 🇫🇷 et combinant e\u0301", "\u00A0insécable\u202F!", "a\rb\r\nc", new string('*', 60),
        new string('[', 40) + new string(']', 40), string.Concat(Enumerable.Repeat("> ", 60)) + "profond", "*a **b *c* b** a*",
        "https://paris.fr nu", "\\", "\t tabulé", "_x_ __y__ ~~z~~",
    ];

    /// <summary>A bill and an annex made from <paramref name="seed"/>.</summary>
    public static (BillText Bill, ExportAnnex? Annex, ExportLanguage Language) Make(int seed)
    {
        var random = new Random(seed);
        string Text(int parts)
        {
            var n = random.Next(parts + 1);
            return string.Join(random.Next(3) == 0 ? "\n\n" : " ", Enumerable.Range(0, n).Select(_ => Snippets[random.Next(Snippets.Length)]));
        }

        var activeCount = random.Next(4) == 0 ? 0 : random.Next(51);
        var withdrawnCount = random.Next(3) == 0 ? 0 : random.Next(6);
        var ids = Enumerable.Range(1, activeCount + withdrawnCount).Select(Builders.Id).ToList();
        string? key = null;
        var active = new List<Clause>();
        for (var i = 0; i < activeCount; i++)
        {
            key = OrderKey.Between(key, null);
            var splitFrom = i > 0 && random.Next(10) == 0 ? ids[random.Next(i)] : null;
            active.Add(new Clause(ids[i], i + 1, Text(2), Text(4), key, ClauseState.Active, null, splitFrom));
        }
        var withdrawn = new List<Clause>();
        for (var i = activeCount; i < ids.Count; i++)
        {
            key = OrderKey.Between(key, null);
            var mergedInto = activeCount > 0 && random.Next(2) == 0 ? ids[random.Next(activeCount)] : null;
            withdrawn.Add(new Clause(ids[i], 0, Text(2), Text(3), key, ClauseState.Withdrawn, mergedInto, null));
        }
        var bill = new BillText(Text(2), Text(3), active, withdrawn);

        string AnyId() => ids.Count > 0 && random.Next(5) > 0 ? ids[random.Next(ids.Count)] : "c9999999999";
        ExportAnnex? annex = random.Next(3) switch
        {
            0 => null,
            1 => new ExportAnnex(),
            _ => new ExportAnnex
            {
                Consensus = [.. Enumerable.Range(0, random.Next(4)).Select(_ => new ClauseConsensus(AnyId(),
                    Enum.GetValues<StakeholderGroup>().Where(_ => random.Next(2) == 0)
                        .ToDictionary(g => g, _ => new ConsensusCounts(random.Next(40), random.Next(5), random.Next(5), random.Next(2))),
                    (ClauseConsensusState)random.Next(5)))],
                Approval = random.Next(2) == 0 ? null : new ApprovalVote(Text(1), DateTimeOffset.UnixEpoch.AddDays(random.Next(20_000)),
                    (ApprovalResult)random.Next(Enum.GetValues<ApprovalResult>().Length), bill.Sha256()),
                Ideas = [.. Enumerable.Range(1, random.Next(4)).Select(n => new IdeaTraceRow(n, Text(2), Text(1), [.. Enumerable.Range(0, random.Next(3)).Select(_ => AnyId())]))],
                Workshops = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new WorkshopRecord(Text(1), new DateOnly(2025, 1, 1).AddDays(random.Next(700)), Text(1)))],
                Commitments = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new FollowUpCommitment(AnyId(), Text(1), Text(2), new DateOnly(2026, 1, 1).AddDays(random.Next(700)), Text(1)))],
            },
        };
        return (bill, annex, random.Next(2) == 0 ? ExportLanguage.French : ExportLanguage.English);
    }
}
