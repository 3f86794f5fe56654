using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public class AkomaNtosoExporterTests
{
    private const string Schema = "schemas/akomantoso30.xsd";
    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(Akn.NamespaceName, Builders.SharedFile(Schema)!);
        set.Compile();
        return set;
    });

    [SharedFileFact(Schema)]
    public void ValidatesAgainstTheAkomaNtoso30Schema()
    {
        var bill = BillBuilder.Demo().Build();

        Assert.Empty(Validate(AkomaNtosoExporter.ExportXml(bill, Builders.FullExportOptions(bill))));
        Assert.Empty(Validate(AkomaNtosoExporter.ExportXml(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch))));
    }

    [SharedFileFact(Schema)]
    public void ValidatesWithHostileTextToo()
    {
        var bill = HostileBill.Build();

        Assert.Empty(Validate(AkomaNtosoExporter.ExportXml(bill, Builders.FullExportOptions(bill))));
    }

    [SharedFileFact(Schema)]
    public void TheValidatorCatchesAStrayElement()
    {
        var bill = BillBuilder.Demo().Build();
        var doc = AkomaNtosoExporter.Export(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch));
        doc.Root!.Element(Akn + "bill")!.Element(Akn + "body")!.Add(new XElement(Akn + "paragraphe", "x"));

        Assert.NotEmpty(Validate(doc.ToString()));
    }

    [Fact]
    public void DerivesArticleIdsFromClauseIds()
    {
        var bill = BillBuilder.Demo().Build();
        var doc = AkomaNtosoExporter.Export(bill, Builders.FullExportOptions(bill));
        var articles = doc.Descendants(Akn + "article").ToList();

        Assert.Equal(bill.Clauses.Select(c => "art_" + c.Id), articles.Select(a => (string)a.Attribute("eId")!));
        Assert.Equal("Article 2", (string)articles[1].Element(Akn + "num")!);
        Assert.Equal("Cours d'école oasis", (string)articles[1].Element(Akn + "heading")!);
        Assert.StartsWith("Toutes les cours", (string)articles[1].Element(Akn + "content")!.Element(Akn + "p")!);
        Assert.Equal(bill.Title, (string)doc.Descendants(Akn + "docTitle").First());
        Assert.Contains(bill.Sha256(), (string)doc.Descendants(Akn + "preface").First());
        Assert.Equal("fra", (string)doc.Descendants(Akn + "FRBRlanguage").First().Attribute("language")!);
        Assert.Equal(5, doc.Descendants(Akn + "attachment").Single().Descendants(Akn + "table").Count());
    }

    [Fact]
    public void KeepsHostileMarkupAsText()
    {
        var bill = HostileBill.Build();
        var xml = AkomaNtosoExporter.ExportXml(bill, new ExportOptions("v1", DateTimeOffset.UnixEpoch));
        var doc = XDocument.Parse(xml);

        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img");
        Assert.Equal(["https://paris.fr/canicule"], doc.Descendants(Akn + "a").Select(a => (string)a.Attribute("href")!));
        Assert.Contains("<script>alert('titre')</script>", (string)doc.Descendants(Akn + "docTitle").Single());
        Assert.Contains(doc.Descendants(Akn + "b"), b => (string)b == "gras");
    }

    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
