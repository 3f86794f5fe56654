using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests;

/// <summary>A bill just created through the API, with no article yet, exports in every format (docs/security.md).</summary>
public sealed class EmptyBillExportTests(ITestOutputHelper output) : ServerTest
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    [Fact]
    public async Task ABillCreatedWithNoArticleExportsInEveryFormatAndItsAkomaNtosoBodyIsSchemaValid()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync("Projet <script>alert(1)</script> \u202Eexe");

        foreach (var format in new[] { "md", "html", "docx" })
        {
            using var response = await facilitator.Http.GetAsync($"api/bills/{bill.BillId}/export?format={format}").Bounded();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var akn = await facilitator.Http.GetAsync($"api/bills/{bill.BillId}/export?format=akn&lang=en").Bounded();
        var xml = await akn.Content.ReadAsStringAsync().Bounded();

        Assert.Equal(HttpStatusCode.OK, akn.StatusCode);
        var body = XDocument.Parse(xml).Descendants(Akn + "body").Single();
        Assert.Equal("noArticles", (string?)body.Element(Akn + "hcontainer")?.Attribute("name"));
        Assert.DoesNotContain("\u202E", xml, StringComparison.Ordinal);
        if (SchemaPath() is not { } schema)
        {
            output.WriteLine("Schema validation skipped: ../shared/schemas/akomantoso30.xsd is absent (expected next to the repository root).");
            return;
        }
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(Akn.NamespaceName, schema);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }
        Assert.Empty(errors);
    }

    private static string? SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParisCoDraft.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "schemas", "akomantoso30.xsd"));
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }
}
