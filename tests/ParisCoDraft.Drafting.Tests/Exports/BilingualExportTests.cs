using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class BilingualExportTests
{
    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;

    // A bill in French and English: two articles, the English title and preamble typed too.
    private static BillText Bill()
    {
        var doc = new Doc(new DocOptions { ClientId = 1, Gc = false });
        var ids = BillDocument.Initialize(doc, "Cours oasis", "Le Conseil délibère.",
            [new("Ouverture", "Les cours sont **ouvertes** le samedi."), new("Eau", "Une fontaine par cour.")]);
        BillLanguages.Declare(doc, ["fr", "en"]);
        doc.Transact(_ =>
        {
            doc.GetText("title.en").Insert(0, "Oasis schoolyards");
            doc.GetText("preamble.en").Insert(0, "The Council deliberates.");
            ((YText)BillDocument.ClauseMap(doc, ids[0]).Get("heading.en")!).Insert(0, "Opening");
            ((YText)BillDocument.ClauseMap(doc, ids[0]).Get("body.en")!).Insert(0, "Schoolyards are **open** on Saturdays.");
            ((YText)BillDocument.ClauseMap(doc, ids[1]).Get("heading.en")!).Insert(0, "Water");
            ((YText)BillDocument.ClauseMap(doc, ids[1]).Get("body.en")!).Insert(0, "One fountain per yard.");
        });
        return BillDocument.Read(doc);
    }

    [SharedFileFact(AknSchema.Path)]
    public void AkomaNtosoIsAValidCollectionWithOneExpressionPerLanguageAlignedByClause()
    {
        var bill = Bill();
        var xml = AkomaNtosoExporter.ExportXml(bill, Builders.FullExportOptions(bill));

        Assert.Empty(AknSchema.Validate(xml));
        var doc = XDocument.Parse(xml);
        var collection = doc.Root!.Element(Akn + "documentCollection")!;
        Assert.Equal(["fra", "eng"], collection.Element(Akn + "meta")!.Descendants(Akn + "FRBRlanguage").Select(l => (string)l.Attribute("language")!));
        Assert.Contains(bill.Sha256(), xml, StringComparison.Ordinal);
        var bills = collection.Element(Akn + "collectionBody")!.Elements(Akn + "component").Select(c => c.Element(Akn + "bill")!).ToList();
        Assert.Equal(2, bills.Count);
        Assert.Equal(["fr", "en"], bills.Select(b => (string)b.Attribute(XNamespace.Xml + "lang")!));
        Assert.Equal(["fra", "eng"], bills.Select(b => (string)b.Descendants(Akn + "FRBRExpression").Single().Element(Akn + "FRBRlanguage")!.Attribute("language")!));
        Assert.Equal(["Cours oasis", "Oasis schoolyards"], bills.Select(b => (string)b.Descendants(Akn + "docTitle").Single()));
        var articles = bills.Select(b => b.Descendants(Akn + "article").ToList()).ToList();
        Assert.Equal(bill.Clauses.Select(c => "cmp_1__art_" + c.Id), articles[0].Select(a => (string)a.Attribute("eId")!));
        Assert.Equal(bill.Clauses.Select(c => "cmp_2__art_" + c.Id), articles[1].Select(a => (string)a.Attribute("eId")!));
        Assert.Equal("Article 1", (string)articles[1][0].Element(Akn + "num")!);
        Assert.Equal("Water", (string)articles[1][1].Element(Akn + "heading")!);
        Assert.Single(collection.Elements(Akn + "attachments"));
    }

    [SharedFileFact(AknSchema.Path)]
    public void AkomaNtosoOfABilingualBillWithoutAnnexIsValidToo()
    {
        var bill = Bill();
        Assert.Empty(AknSchema.Validate(AkomaNtosoExporter.ExportXml(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch, null, ExportLanguage.English))));
    }

    [Fact]
    public void HtmlPutsTheTwoLanguagesSideBySideArticleByArticle()
    {
        var bill = Bill();
        var html = HtmlExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch));

        Assert.Contains("<body class=\"bilingual\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"pariscodraft-sha256\" content=\"" + bill.Sha256() + "\">", html, StringComparison.Ordinal);
        var first = html.IndexOf("id=\"art_" + bill.Clauses[0].Id + "\"", StringComparison.Ordinal);
        var second = html.IndexOf("id=\"art_" + bill.Clauses[1].Id + "\"", StringComparison.Ordinal);
        var article1 = html[first..second];
        Assert.Contains("<div lang=\"fr\">", article1, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"en\">", article1, StringComparison.Ordinal);
        Assert.True(article1.IndexOf("<strong>ouvertes</strong>", StringComparison.Ordinal) < article1.IndexOf("<strong>open</strong>", StringComparison.Ordinal));
        Assert.Contains("Oasis schoolyards", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxWritesOneLanguageAfterTheOther()
    {
        var bill = Bill();
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, Builders.FullExportOptions(bill))), false);
        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

        Assert.Equal(["Cours oasis", "Oasis schoolyards"], paragraphs.Where(p => Style(p) == "Title").Select(p => p.InnerText));
        Assert.Equal(["Article 1 — Ouverture", "Article 2 — Eau", "Article 1 — Opening", "Article 2 — Water", "Annexe"],
            paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.All(paragraphs.Where(p => Style(p) == "Subtitle"), p => Assert.Contains(bill.Sha256(), p.InnerText, StringComparison.Ordinal));
    }

    [Fact]
    public void MarkdownIsOneFilePerLanguageShowingTheHashOfBoth()
    {
        var bill = Bill();
        var options = new ExportOptions("v1", DateTimeOffset.UnixEpoch);

        var fr = MarkdownExporter.Export(bill, options);
        var en = MarkdownExporter.Export(bill, options with { TextLanguage = "en", Language = ExportLanguage.English });

        Assert.StartsWith("# Cours oasis", fr, StringComparison.Ordinal);
        Assert.Contains("## Article 2 — Eau", fr, StringComparison.Ordinal);
        Assert.DoesNotContain("Water", fr, StringComparison.Ordinal);
        Assert.StartsWith("# Oasis schoolyards", en, StringComparison.Ordinal);
        Assert.Contains("## Article 1 — Opening", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Ouverture", en, StringComparison.Ordinal);
        Assert.Contains(bill.Sha256(), fr, StringComparison.Ordinal);
        Assert.Contains(bill.Sha256(), en, StringComparison.Ordinal);
    }
}
