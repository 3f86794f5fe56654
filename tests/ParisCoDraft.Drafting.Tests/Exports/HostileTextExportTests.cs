using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>Hostile text in every export format (docs/security.md, "Hostile text in exports").</summary>
public sealed class HostileTextExportTests
{
    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;

    private static readonly ExportOptions Options = new("v1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void DropsBidiOverridesFromEveryFormatSoTheWordsReadInTheirStoredOrder()
    {
        var bill = Builders.Bill("Titre \u202Etxt.exe\u202C", "Préambule \u2067isolé\u2069")
            .Clause(Builders.Id(1), "Cap \u202Dgauche\u202C", "facture\u202Efdp.exe\u202C et \u200Fmarque")
            .Build();
        var annex = new ExportAnnex { Workshops = [new WorkshopRecord("Atelier \u202Bdroite\u202C", new DateOnly(2025, 5, 20), "Salle \u2066A\u2069")] };
        var options = Options with { Annex = annex };

        var html = HtmlExporter.Export(bill, options);
        var markdown = MarkdownExporter.Export(bill, options);
        var xml = AkomaNtosoExporter.ExportXml(bill, options);
        using var docx = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, options)), false);
        var docxText = docx.MainDocumentPart!.Document!.Body!.InnerText;

        foreach (var text in new[] { html, markdown, xml, docxText })
        {
            Assert.Empty(ActiveContent.Bidi(text));
            Assert.Contains("facturefdp.exe", text);
            Assert.Contains("txt.exe", text);
            Assert.Contains("\u200Fmarque", text); // an implicit mark cannot reorder a word: kept
        }
        Assert.Contains("Atelier droite", html);
        Assert.Contains("Salle A", xml);
    }

    [Fact]
    public void WritesWordFieldCodesAsPlainTextInDocx()
    {
        const string dde = "{ DDEAUTO c:\\windows\\system32\\cmd.exe \"/k calc\" }";
        const string include = "{ INCLUDEPICTURE \"http://evil.example/x.png\" \\d }";
        var bill = Builders.Bill("{ DDE \"cmd\" }", include)
            .Clause(Builders.Id(1), "{ HYPERLINK \"javascript:x\" }", dde + "\n\n[lien](https://paris.fr)")
            .Build();

        using var docx = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, Options)), false);
        var body = docx.MainDocumentPart!.Document!.Body!;

        Assert.Empty(ActiveContent.InDocx(docx));
        Assert.Contains(body.Descendants<Text>(), t => t.Text.Contains("DDEAUTO", StringComparison.Ordinal));
        Assert.Contains(dde, body.InnerText);
        Assert.Contains(include, body.InnerText);
        Assert.Equal("https://paris.fr/", Assert.Single(docx.MainDocumentPart.HyperlinkRelationships).Uri.AbsoluteUri);
    }

    [Fact]
    public void KeepsXmlDeclarationsAndEntitiesAsTextInAkomaNtoso()
    {
        const string xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe; ]]> <![CDATA[ y ]]> <?pi x?>";
        var bill = Builders.Bill(xxe, xxe).Clause(Builders.Id(1), xxe, xxe).Build();

        var xml = AkomaNtosoExporter.ExportXml(bill, Options);
        var doc = XDocument.Load(XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }));

        Assert.Null(doc.DocumentType);
        Assert.Empty(doc.DescendantNodes().OfType<XProcessingInstruction>());
        Assert.Empty(doc.DescendantNodes().OfType<XCData>());
        Assert.Contains("&xxe;", (string)doc.Descendants(Akn + "docTitle").Single());
        Assert.Contains("<!ENTITY xxe", doc.Descendants(Akn + "article").Single().Element(Akn + "heading")!.Value);
    }

    [Fact]
    public void ExportsAOneMegabyteClauseInEveryFormatWithNothingLost()
    {
        var body = string.Concat(Enumerable.Repeat("La Ville s'engage à planter des arbres.\n\n", 1024 * 1024 / 41));
        var bill = Builders.Bill().Clause(Builders.Id(1), "Long", body).Clause(Builders.Id(2), "Après", "Fin.").Build();

        var (html, markdown, xml, docxText) = ExportAll(bill, "1 MB clause");

        // Nothing of the text is lost: every sentence is in every format.
        var sentences = 1024 * 1024 / 41;
        foreach (var text in new[] { html, markdown, xml, docxText })
        {
            Assert.Equal(sentences, text.Split("planter des arbres.").Length - 1);
        }
    }

    [Theory]
    [InlineData("one-line")]
    [InlineData("nested-quotes")]
    [InlineData("nested-lists")]
    [InlineData("brackets")]
    [InlineData("emphasis")]
    [InlineData("table")]
    public void ExportsPathologicalMarkdownInEveryFormatAsText(string shape)
    {
        // Beyond Markdig's depth limits, yet small: delimiter runs cost Markdig more than linear time (docs/security.md).
        const int size = 8 * 1024;
        var body = shape switch
        {
            "one-line" => new string('x', size),
            "nested-quotes" => new string('>', size),
            "nested-lists" => string.Concat(Enumerable.Repeat("- ", size / 2)),
            "brackets" => string.Concat(Enumerable.Repeat("[a](javascript:x)[", size / 18)),
            "table" => "|" + string.Concat(Enumerable.Repeat("a|", 1000)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 1000)) + "\n",
            _ => string.Concat(Enumerable.Repeat("*_", size / 2)),
        };
        var bill = Builders.Bill().Clause(Builders.Id(1), "Long", body).Clause(Builders.Id(2), "Après", "Fin.").Build();

        var (html, _, xml, _) = ExportAll(bill, shape);

        Assert.Empty(ActiveContent.InHtml(html, ownHead: true));
        Assert.DoesNotContain("javascript:", xml, StringComparison.Ordinal);
    }

    // Every format of the bill, bounded in time; the AKN with both articles, the DOCX read back.
    private static (string Html, string Markdown, string Xml, string DocxText) ExportAll(BillText bill, string what)
    {
        var clock = Stopwatch.StartNew();
        var html = HtmlExporter.Export(bill, Options);
        var markdown = MarkdownExporter.Export(bill, Options);
        var xml = AkomaNtosoExporter.ExportXml(bill, Options);
        using var docx = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, Options)), false);
        var docxText = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"{what}: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains("Article 2", html);
        Assert.Contains("Article 2", markdown);
        Assert.Contains("Article 2", docxText);
        Assert.Equal(2, XDocument.Parse(xml).Descendants(Akn + "article").Count());
        return (html, markdown, xml, docxText);
    }

    [SharedFileFact(AknSchema.Path)]
    public void ABillWithNoArticleYetIsSchemaValidAkomaNtosoSayingSo()
    {
        var bill = new BillText("Projet vide", "", [], []);

        foreach (var language in new[] { ExportLanguage.French, ExportLanguage.English })
        {
            var options = Options with { Language = language };
            var xml = AkomaNtosoExporter.ExportXml(bill, options);
            Assert.Empty(AknSchema.Validate(xml));
            var body = XDocument.Parse(xml).Descendants(Akn + "body").Single();
            Assert.Empty(body.Descendants(Akn + "article"));
            Assert.Equal(options.Labels.NoArticles, (string)body.Descendants(Akn + "p").Single());
        }
    }
}
