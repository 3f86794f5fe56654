using System.Xml.Linq;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class AkomaNtosoMarkdownTests
{
    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;

    [Fact]
    public void WritesListsAsBlockListsWithNumberedItems()
    {
        var content = Content(MarkdownBodies.Structured);

        var lists = content.Elements(Akn + "blockList").ToList();
        Assert.Equal(2, lists.Count);
        Assert.Equal("art_" + Builders.Id(1) + "__list_1", (string)lists[0].Attribute("eId")!);
        var items = lists[0].Elements(Akn + "item").ToList();
        Assert.Equal(["•", "•", "•"], items.Select(i => (string)i.Element(Akn + "num")!));
        Assert.Equal("îlots", (string)items[0].Element(Akn + "p")!.Element(Akn + "b")!);
        var nested = items[1].Element(Akn + "blockList")!;
        Assert.Equal(["1.", "2."], nested.Elements(Akn + "item").Select(i => (string)i.Element(Akn + "num")!));
        Assert.Equal("des arbres", (string)nested.Element(Akn + "item")!.Element(Akn + "p")!);
        Assert.Equal(["3.", "4."], lists[1].Elements(Akn + "item").Select(i => (string)i.Element(Akn + "num")!));
    }

    [Fact]
    public void WritesQuotesHeadingsAndLinks()
    {
        var content = Content(MarkdownBodies.Structured);

        var quote = content.Element(Akn + "blockContainer")!;
        Assert.Equal("quote", (string)quote.Attribute("class")!);
        Assert.Equal("Citation de l'Assemblée", (string)quote.Element(Akn + "p")!);
        var heading = content.Elements(Akn + "p").Single(p => (string?)p.Attribute("class") == "heading");
        Assert.Equal("Modalités", (string)heading.Element(Akn + "b")!);
        Assert.Equal(["https://www.paris.fr/canicule", "mailto:mairie@paris.fr"], content.Descendants(Akn + "a").Select(a => (string)a.Attribute("href")!));
        Assert.Equal("le plan canicule", (string)content.Descendants(Akn + "a").First());
    }

    [Fact]
    public void KeepsHostileLinksAndHtmlAsText()
    {
        var content = Content(MarkdownBodies.Hostile);
        var text = content.Value;

        Assert.Empty(content.Descendants(Akn + "a"));
        Assert.DoesNotContain(content.Descendants(), e => e.Name.LocalName is "img" or "script" or "foreign");
        Assert.DoesNotContain(content.DescendantsAndSelf().Attributes(), a => a.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert(3)</script>", text, StringComparison.Ordinal);
        Assert.Contains("clic rel img javascript:alert(2)", text, StringComparison.Ordinal);
        Assert.Contains("{ HYPERLINK \"javascript:alert(5)\" }", text, StringComparison.Ordinal);
    }

    [SharedFileFact(AknSchema.Path)]
    public void ValidatesWithListsQuotesLinksAndHostileBodiesInBothLanguages()
    {
        foreach (var language in new[] { ExportLanguage.French, ExportLanguage.English })
        {
            foreach (var body in new[] { MarkdownBodies.Structured, MarkdownBodies.Hostile, "- \n- \n\n>\n\n```\ncode <b>\n```\n\n---\n\n1) seul" })
            {
                var bill = MarkdownBodies.Bill(body);
                var options = Builders.FullExportOptions(bill) with { Language = language };
                var errors = AknSchema.Validate(AkomaNtosoExporter.ExportXml(bill, options));
                Assert.True(errors.Count == 0, language + ": " + string.Join("\n", errors));
            }
        }
    }

    [SharedFileFact(AknSchema.Path)]
    public void TheSchemaRefusesAListItemWithoutContent()
    {
        var doc = AkomaNtosoExporter.Export(MarkdownBodies.Bill(MarkdownBodies.Structured), new ExportOptions("v1", DateTimeOffset.UnixEpoch));
        var item = doc.Descendants(Akn + "item").First();
        item.Elements().Where(e => e.Name != Akn + "num").Remove();

        Assert.NotEmpty(AknSchema.Validate(doc.ToString()));
    }

    private static XElement Content(string body)
    {
        var doc = AkomaNtosoExporter.Export(MarkdownBodies.Bill(body), new ExportOptions("v1", DateTimeOffset.UnixEpoch));
        return doc.Descendants(Akn + "article").First().Element(Akn + "content")!;
    }
}
