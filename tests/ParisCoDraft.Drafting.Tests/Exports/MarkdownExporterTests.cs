using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class MarkdownExporterTests
{
    [Fact]
    public void NumbersArticlesAndStatesVersionAndHash()
    {
        var bill = BillBuilder.Demo().Build();

        var md = MarkdownExporter.Export(bill, Builders.FullExportOptions(bill));

        Assert.StartsWith("# " + bill.Title + "\n\n*Version v3 — après l'atelier 2 du 1er juin 2025 à 08:30 UTC — SHA-256 du texte : " + bill.Sha256() + "*\n", md);
        Assert.Contains("\n## Article 1 — Îlots de fraîcheur\n\nLa Ville ouvre", md);
        Assert.Contains("\n## Article 5 — Suivi citoyen\n", md);
        Assert.True(md.IndexOf("Article 4", StringComparison.Ordinal) < md.IndexOf("Article 5", StringComparison.Ordinal));
    }

    [Fact]
    public void WritesTheAnnexAsTablesWithArticleNumbers()
    {
        var bill = BillBuilder.Demo().Build();

        var md = MarkdownExporter.Export(bill, Builders.FullExportOptions(bill));

        Assert.Contains("### Consensus par article\n\n| Article | Groupe | D'accord | Réserves | Désaccord | Blocage | État |\n| --- |", md);
        Assert.Contains("| Article 1 | Citoyen·nes | 30 | 4 | 1 | 0 | Consensus avec réserves |", md);
        Assert.Contains("| 1 | Îlots \\| de fraîcheur | Reprise dans la délibération | Article 1, Article 2 |", md);
        Assert.Contains("| Article 2 | DEVE | Cartographier les cours | 31 janvier 2026 | En cours |", md);
        Assert.Contains("| Atelier 2 — eau | 20 mai 2025 | Mairie du 11e |", md);
        Assert.Contains("| Approuvé | " + bill.Sha256() + " |", md);
    }

    [Fact]
    public void LeavesTheAnnexOutWhenThereIsNone()
    {
        var bill = BillBuilder.Demo().Build();

        Assert.DoesNotContain("Annexe", MarkdownExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void EscapesMarkupInTitleHeadingsAndCells()
    {
        var bill = HostileBill.Build();

        var md = MarkdownExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch));

        Assert.StartsWith("# \\<script\\>alert('titre')\\</script\\> Délibération\n", md);
        Assert.Contains("\n## Article 1 — \\<b onmouseover=alert(3)\\>Îlots\\</b\\>\n", md);
        Assert.Contains("\n## Article 2 — Cours \\| d'école\n", md);
    }
}
