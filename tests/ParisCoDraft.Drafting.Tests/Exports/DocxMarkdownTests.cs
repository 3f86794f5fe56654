using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class DocxMarkdownTests
{
    [Fact]
    public void WritesListsOnWordNumberingDefinitions()
    {
        using var doc = Open(MarkdownBodies.Structured);
        var main = doc.MainDocumentPart!;
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var paragraphs = ArticleOne(main);

        var ilots = paragraphs.Single(p => p.InnerText == "ouvrir des îlots");
        var arbres = paragraphs.Single(p => p.InnerText == "des arbres");
        var haies = paragraphs.Single(p => p.InnerText == "des haies");
        var premier = paragraphs.Single(p => p.InnerText == "premier point");
        Assert.Equal(0, Level(ilots));
        Assert.Equal(1, Level(arbres));
        Assert.Equal(NumberFormatValues.Bullet, Format(numbering, ilots, 0));
        Assert.Equal(NumberFormatValues.Decimal, Format(numbering, arbres, 1));
        Assert.Equal(NumId(arbres), NumId(haies));
        Assert.NotEqual(NumId(ilots), NumId(arbres));
        // The second numbered list is its own instance, restarting at the number typed.
        Assert.NotEqual(NumId(arbres), NumId(premier));
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == NumId(premier));
        Assert.Equal(3, instance.Elements<LevelOverride>().Single().StartOverrideNumberingValue!.Val!.Value);
        Assert.Contains(paragraphs.Single(p => p.InnerText == "ouvrir des îlots").Descendants<Run>(), r => r.InnerText == "îlots" && r.RunProperties?.Bold is not null);
        Assert.Empty(Errors(doc));
    }

    [Fact]
    public void IndentsQuotesAndMakesBodyHeadingsBoldParagraphs()
    {
        using var doc = Open(MarkdownBodies.Structured);
        var paragraphs = ArticleOne(doc.MainDocumentPart!);

        var quote = paragraphs.Single(p => p.InnerText == "Citation de l'Assemblée");
        Assert.NotNull(quote.ParagraphProperties!.ParagraphBorders!.LeftBorder);
        Assert.True(int.Parse(quote.ParagraphProperties.Indentation!.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var heading = paragraphs.Single(p => p.InnerText == "Modalités");
        Assert.Null(heading.ParagraphProperties?.ParagraphStyleId);
        Assert.All(heading.Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
    }

    [Fact]
    public void LinksToHttpsAndMailtoTargetsAsExternalHyperlinks()
    {
        using var doc = Open(MarkdownBodies.Structured);
        var main = doc.MainDocumentPart!;

        var links = main.Document.Body!.Descendants<Hyperlink>().ToList();
        Assert.Equal(["le plan canicule", "la mairie"], links.Select(l => l.InnerText));
        var targets = links.Select(l => main.HyperlinkRelationships.Single(r => r.Id == l.Id!.Value)).ToList();
        Assert.Equal(["https://www.paris.fr/canicule", "mailto:mairie@paris.fr"], targets.Select(r => r.Uri.OriginalString));
        Assert.All(targets, r => Assert.True(r.IsExternal));
    }

    [Fact]
    public void KeepsHostileLinksHtmlAndFieldCodesAsPlainText()
    {
        using var doc = Open(MarkdownBodies.Hostile);
        var main = doc.MainDocumentPart!;
        var body = main.Document.Body!;
        var text = body.InnerText;

        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(main.HyperlinkRelationships);
        Assert.Empty(main.ExternalRelationships);
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Empty(body.Descendants<FieldChar>());
        Assert.Contains("{ DDEAUTO c:\\windows\\system32\\cmd.exe \"/c calc\" }", text, StringComparison.Ordinal);
        Assert.Contains("{ HYPERLINK \"javascript:alert(5)\" }", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(3)</script>", text, StringComparison.Ordinal);
        Assert.Contains("clic rel img javascript:alert(2)", text, StringComparison.Ordinal);
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText == "liste" && p.ParagraphProperties?.NumberingProperties is not null);
        Assert.Empty(Errors(doc));
    }

    [Fact]
    public void KeepsOnlyTheLinksThatAreSafeAmongHostileOnes()
    {
        using var doc = Open("[ok](https://paris.fr/) [ko](javascript:alert(1)) [mail](MAILTO:a@b.fr) [file](file:///etc/passwd)");
        var main = doc.MainDocumentPart!;

        var targets = main.HyperlinkRelationships.Select(r => r.Uri.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["https://paris.fr/", "mailto:a@b.fr"], targets);
        Assert.Equal(["ok", "mail"], main.Document.Body!.Descendants<Hyperlink>().Select(h => h.InnerText));
    }

    private static WordprocessingDocument Open(string body)
    {
        var bill = MarkdownBodies.Bill(body);
        return WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch))), false);
    }

    // The paragraphs between the "Article 1" and "Article 2" headings.
    private static List<Paragraph> ArticleOne(MainDocumentPart main) =>
        [.. main.Document.Body!.Elements<Paragraph>()
            .SkipWhile(p => !p.InnerText.StartsWith("Article 1", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(p => !p.InnerText.StartsWith("Article 2", StringComparison.Ordinal))];

    private static int Level(Paragraph p) => p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value;

    private static int NumId(Paragraph p) => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;

    private static NumberFormatValues Format(Numbering numbering, Paragraph p, int level)
    {
        var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == NumId(p)).AbstractNumId!.Val!.Value;
        var abstractNum = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abstractId);
        return abstractNum.Elements<Level>().Single(l => l.LevelIndex!.Value == level).NumberingFormat!.Val!.Value;
    }

    private static List<string> Errors(WordprocessingDocument doc) =>
        [.. new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} at {e.Path?.XPath}")];
}
