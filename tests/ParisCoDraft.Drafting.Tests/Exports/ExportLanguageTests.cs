using System.Reflection;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Exports;
using ParisCoDraft.Drafting.Ideas;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class ExportLanguageTests
{
    private static ExportOptions English(ParisCoDraft.Drafting.Bills.BillText bill) => Builders.FullExportOptions(bill) with { Language = ExportLanguage.English };

    [Fact]
    public void WritesMarkdownLabelsTablesAndDatesInEnglish()
    {
        var bill = BillBuilder.Demo().Build();

        var md = MarkdownExporter.Export(bill, English(bill));

        Assert.StartsWith("# " + bill.Title + "\n\n*Version v3 — après l'atelier 2 of 1 June 2025 at 08:30 UTC — SHA-256 of the text: " + bill.Sha256() + "*\n", md);
        Assert.Contains("\n## Article 1 — Îlots de fraîcheur\n", md);
        Assert.Contains("\n## Annex\n", md);
        Assert.Contains("### Consensus per article\n\n| Article | Group | Agree | Reservations | Disagree | Block | State |", md);
        Assert.Contains("| Article 1 | Citizens | 30 | 4 | 1 | 0 | Consensus with reservations |", md);
        Assert.Contains("| 14 June 2025 at 18:00 UTC | Approved | " + bill.Sha256() + " |", md);
        Assert.Contains("| Atelier 2 — eau | 20 May 2025 | Mairie du 11e |", md);
        Assert.Contains("### Follow-up commitments\n\n| Article | Department | Action | Due | Status |", md);
        Assert.DoesNotContain("Annexe", md);
    }

    [Fact]
    public void WritesFrenchDatesWithTheFirstOfTheMonth()
    {
        Assert.Equal("1er juin 2025 à 08:30 UTC", ExportLabels.French.Timestamp(new DateTimeOffset(2025, 6, 1, 10, 30, 0, TimeSpan.FromHours(2))));
        Assert.Equal("31 décembre 2024 à 23:30 UTC", ExportLabels.French.Timestamp(new DateTimeOffset(2025, 1, 1, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("1 June 2025", ExportLabels.English.Date(new DateOnly(2025, 6, 1)));
        Assert.Equal("20 mai 2025", ExportLabels.French.Date(new DateOnly(2025, 5, 20)));
    }

    [Fact]
    public void TranslatesCommitmentStatusesAndIdeaOutcomes()
    {
        var idea = new Idea(3, "Fontaines", "Plus de fontaines", null);

        Assert.Equal("In progress", ExportLabels.English.CommitmentStatus("in-progress"));
        Assert.Equal("En cours", ExportLabels.French.CommitmentStatus("in-progress"));
        Assert.Equal("déjà traduit", ExportLabels.English.CommitmentStatus("déjà traduit"));
        Assert.Equal("Merged with idea 1, 2", ExportLabels.English.IdeaOutcome(new TraceabilityRow(idea, new MergedWith(1, 2), [], true)));
        Assert.Equal("Set aside: Coût", ExportLabels.English.IdeaOutcome(new TraceabilityRow(idea, new SetAside("Coût"), [], true)));
        Assert.Equal("Écartée : Coût", ExportLabels.French.IdeaOutcome(new TraceabilityRow(idea, new SetAside("Coût"), [], true)));
        Assert.Equal("Not placed yet", ExportLabels.English.IdeaOutcome(new TraceabilityRow(idea, null, [], false)));
        Assert.Equal("Lyon (online)", ExportLabels.English.WorkshopPlace("Lyon", "online"));
        Assert.Equal("En ligne", ExportLabels.French.WorkshopPlace("", "online"));
    }

    [Fact]
    public void BothTablesFillEveryLabelAndDifferWhereTheLanguagesDo()
    {
        var properties = typeof(ExportLabels).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var p in properties.Where(p => p.Name != nameof(ExportLabels.FirstOfMonth)))
        {
            foreach (var table in new[] { ExportLabels.French, ExportLabels.English })
            {
                var value = p.GetValue(table);
                Assert.True(value is string { Length: > 0 } || value is IReadOnlyList<string> { Count: > 0 }, $"{table.Code}.{p.Name} is empty");
            }
        }
        Assert.Equal(ExportLabels.French.ConsensusHeaders.Count, ExportLabels.English.ConsensusHeaders.Count);
        Assert.Equal(ExportLabels.French.CommitmentsHeaders.Count, ExportLabels.English.CommitmentsHeaders.Count);
        Assert.Equal(12, ExportLabels.English.Months.Count);
        Assert.Equal(12, ExportLabels.French.Months.Count);
        Assert.NotEqual(ExportLabels.French.IdeasTitle, ExportLabels.English.IdeasTitle);
    }

    [Theory]
    [InlineData(null, ExportLanguage.French)]
    [InlineData("", ExportLanguage.French)]
    [InlineData("fr", ExportLanguage.French)]
    [InlineData("EN", ExportLanguage.English)]
    [InlineData("en", ExportLanguage.English)]
    public void ReadsTheLanguageCodes(string? code, ExportLanguage expected)
    {
        Assert.True(ExportLabels.TryParse(code, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en-GB")]
    [InlineData("english")]
    [InlineData(" en")]
    public void RefusesOtherLanguageCodes(string code) => Assert.False(ExportLabels.TryParse(code, out _));

    [Fact]
    public void MarksHtmlDocxAndAkomaNtosoWithTheLanguage()
    {
        var bill = BillBuilder.Demo().Build();

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", HtmlExporter.Export(bill, English(bill)));
        Assert.Contains("<h2>Annex</h2>", HtmlExporter.Export(bill, English(bill)));

        using var docx = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, English(bill))), false);
        Assert.Equal("en-GB", docx.PackageProperties.Language);
        var defaults = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("en-GB", defaults.GetFirstChild<Languages>()!.Val!.Value);
        Assert.Contains(docx.MainDocumentPart.Document.Body!.Elements<Paragraph>(), p => p.InnerText == "Annex");

        var akn = AkomaNtosoExporter.Export(bill, English(bill));
        var aknNs = AkomaNtosoExporter.Akn;
        Assert.Equal("en", (string)akn.Root!.Element(aknNs + "bill")!.Attribute(XNamespace.Xml + "lang")!);
        Assert.All(akn.Descendants(aknNs + "FRBRlanguage"), l => Assert.Equal("eng", (string)l.Attribute("language")!));
        Assert.Contains("/eng@2025-06-01", (string)akn.Descendants(aknNs + "FRBRExpression").First().Element(aknNs + "FRBRuri")!.Attribute("value")!);
        Assert.Equal("annex", (string)akn.Descendants(aknNs + "doc").Single().Attribute("name")!);
        Assert.Equal("fr", (string)AkomaNtosoExporter.Export(bill, Builders.FullExportOptions(bill)).Root!.Element(aknNs + "bill")!.Attribute(XNamespace.Xml + "lang")!);
    }
}
