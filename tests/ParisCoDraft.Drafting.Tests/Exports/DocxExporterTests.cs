using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class DocxExporterTests
{
    [Fact]
    public void WritesTitleVersionAndArticleHeadingsInRealStyles()
    {
        var bill = BillBuilder.Demo().Build();
        using var doc = Open(DocxExporter.Export(bill, Builders.FullExportOptions(bill)));
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal(("Title", bill.Title), (Style(paragraphs[0]), paragraphs[0].InnerText));
        Assert.Contains(bill.Sha256(), paragraphs[1].InnerText);
        Assert.StartsWith(DemoBillPreambleStart, paragraphs[2].InnerText);
        var headings = paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Article 1 — Îlots de fraîcheur", "Article 2 — Cours d'école oasis", "Article 3 — Alerte aux personnes isolées",
            "Article 4 — Fontaines et eau potable", "Article 5 — Suivi citoyen", "Annexe"], headings);
        var heading1 = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        var body1 = paragraphs[paragraphs.FindIndex(p => p.InnerText.StartsWith("Article 1", StringComparison.Ordinal)) + 1];
        Assert.StartsWith("La Ville ouvre, pendant chaque épisode de canicule", body1.InnerText);
    }

    [Fact]
    public void NumbersPagesInTheFooterAndPrintsOnA4()
    {
        var bill = BillBuilder.Demo().Build();
        using var doc = Open(DocxExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch)));
        var main = doc.MainDocumentPart!;

        var footer = Assert.Single(main.FooterParts).Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE");
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        Assert.Equal(main.GetIdOfPart(main.FooterParts.Single()), section.Elements<FooterReference>().Single().Id!.Value);
        Assert.Equal(11906U, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Empty(main.Document.Body.Elements<Table>());
    }

    [Fact]
    public void WritesTheAnnexAsTables()
    {
        var bill = BillBuilder.Demo().Build();
        using var doc = Open(DocxExporter.Export(bill, Builders.FullExportOptions(bill)));
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

        Assert.Equal(5, tables.Count);
        var consensus = tables[0].Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Article", "Groupe", "D'accord", "Réserves", "Désaccord", "Blocage", "État"], consensus[0]);
        Assert.Equal(["Article 1", "Citoyen·nes", "30", "4", "1", "0", "Consensus avec réserves"], consensus[1]);
        Assert.Equal(["Article 2", "DEVE", "Cartographier les cours", "31 janvier 2026", "En cours"],
            tables[4].Elements<TableRow>().Last().Elements<TableCell>().Select(c => c.InnerText));
    }

    [Fact]
    public void KeepsEmphasisAndSurvivesHostileText()
    {
        var bill = HostileBill.Build();
        var bytes = DocxExporter.Export(bill, Builders.FullExportOptions(bill));
        using var doc = Open(bytes);
        var body = doc.MainDocumentPart!.Document.Body!;

        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "gras" && r.RunProperties?.Bold is not null);
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "italique" && r.RunProperties?.Italic is not null);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "un" && p.ParagraphProperties?.NumberingProperties is not null);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText.Contains("<script>alert(4)</script>", StringComparison.Ordinal));
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private const string DemoBillPreambleStart = "L'Assemblée citoyenne de Paris";

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
