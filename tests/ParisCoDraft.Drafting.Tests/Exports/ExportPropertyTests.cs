using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Exports;
using Xunit.Abstractions;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>
/// Every export of every generated bill (<see cref="GeneratedBill"/>) is safe and well formed. Seeded: the
/// failing bill's seed is in the message, and <c>PCD_EXPORT_SEED</c> / <c>PCD_EXPORT_BILLS</c> replay or widen a run.
/// </summary>
public sealed class ExportPropertyTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 4_122_026;
    private const int DefaultBills = 30;

    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;

    [SharedFileFact(AknSchema.Path)]
    public void EveryGeneratedBillExportsAsSchemaValidAkomaNtosoWithEveryArticle()
    {
        ForEachBill((seed, bill, options) =>
        {
            var xml = AkomaNtosoExporter.ExportXml(bill, options);
            var errors = AknSchema.Validate(xml);
            Assert.True(errors.Count == 0, $"seed {seed}: {string.Join("\n", errors.Take(5))}");
            // No DTD may come back in (an entity typed in a clause stays text), and every article is there.
            var doc = XDocument.Load(XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }));
            Assert.Null(doc.DocumentType);
            Assert.Equal(bill.Clauses.Select(c => "art_" + c.Id), doc.Descendants(Akn + "article").Select(a => (string)a.Attribute("eId")!));
            Assert.Empty(ActiveContent.Bidi(xml));
        });
    }

    [Fact]
    public void EveryGeneratedBillExportsWithoutActiveContentAsHtmlMarkdownAndAReadableDocx()
    {
        ForEachBill((seed, bill, options) =>
        {
            var html = HtmlExporter.Export(bill, options);
            var problems = ActiveContent.InHtml(html, ownHead: true);
            Assert.True(problems.Count == 0, $"seed {seed} HTML: {string.Join("; ", problems.Take(5))}");
            Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html);

            // Whatever renders the Markdown file, even with raw HTML on, gets no active content.
            var markdown = MarkdownExporter.Export(bill, options);
            problems = ActiveContent.InHtml(Markdig.Markdown.ToHtml(markdown));
            problems.AddRange(ActiveContent.Bidi(markdown));
            Assert.True(problems.Count == 0, $"seed {seed} Markdown: {string.Join("; ", problems.Take(5))}");

            using var docx = WordprocessingDocument.Open(new MemoryStream(DocxExporter.Export(bill, options)), false);
            problems = ActiveContent.InDocx(docx);
            problems.AddRange(new OpenXmlValidator().Validate(docx).Take(5).Select(e => $"{e.Description} at {e.Path?.XPath}"));
            Assert.True(problems.Count == 0, $"seed {seed} DOCX: {string.Join("; ", problems.Take(5))}");
            var headings = docx.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            var labels = options.Labels;
            Assert.Equal(bill.Clauses.Select(c => labels.ArticleNumber(c.Number)), headings.Take(bill.Clauses.Count).Select(h => h.Split(" — ")[0]));
        });
    }

    private void ForEachBill(Action<int, Drafting.Bills.BillText, ExportOptions> check)
    {
        var first = Env("PCD_EXPORT_SEED", DefaultSeed);
        var count = Env("PCD_EXPORT_BILLS", DefaultBills);
        output.WriteLine($"{count} bills from seed {first}; replay one with PCD_EXPORT_SEED=<seed> PCD_EXPORT_BILLS=1");
        var articles = 0;
        for (var seed = first; seed < first + count; seed++)
        {
            var (bill, annex, language) = GeneratedBill.Make(seed);
            articles += bill.Clauses.Count;
            check(seed, bill, new ExportOptions("v" + (seed % 7) + " \u202Eénoisrev", DateTimeOffset.UnixEpoch.AddDays(seed % 20_000), annex, language));
        }
        output.WriteLine($"{articles} articles exported");
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
