using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Exports a bill as a Word document (DOCX): the title (Title style), the version line with SHA-256, the
/// preamble, one "Article N — heading" per clause in the Heading1 style (so Word's navigation pane and
/// table of contents see them), bodies with their Markdown structure (<see cref="DocxMarkdownWriter"/>: emphasis,
/// lists on Word numbering, quotes, safe hyperlinks), page numbers in the footer (PAGE field), A4 pages, the
/// annex as tables, and every label, date and the proofing language in the export's language. A bilingual bill is
/// written one language after the other (each from a new page, with its own title, version line and labels), then
/// the annex once.
/// </summary>
public static partial class DocxExporter
{
    /// <summary>The DOCX bytes of <paramref name="bill"/>.</summary>
    public static byte[] Export(BillText bill, ExportOptions options)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var labels = options.Labels;
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(labels.Locale);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            doc.PackageProperties.Title = ExportText.XmlSafe(ExportText.OneLine(bill.Title));
            doc.PackageProperties.Version = ExportText.XmlSafe(ExportText.OneLine(options.VersionLabel));
            doc.PackageProperties.Identifier = bill.Sha256();
            doc.PackageProperties.Language = labels.Locale;

            var body = new Body();
            var markdown = new DocxMarkdownWriter(main, body);
            if (bill.IsBilingual)
            {
                foreach (var language in bill.Languages)
                {
                    if (language != bill.Languages[0]) body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    WriteText(body, markdown, bill.InLanguage(language), options.ForLanguage(language, bill));
                }
            }
            else
            {
                WriteText(body, markdown, bill, options);
            }
            var tables = ExportText.Tables(bill, options.Annex, labels);
            if (tables.Count > 0)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                body.Append(Styled("Heading1", Text(labels.Annex)));
                foreach (var t in tables)
                {
                    body.Append(Styled("Heading2", Text(t.Title)));
                    body.Append(Table(t));
                    body.Append(new Paragraph());
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void WriteText(Body body, DocxMarkdownWriter markdown, BillText bill, ExportOptions options)
    {
        var labels = options.Labels;
        body.Append(Styled("Title", Text(ExportText.OneLine(bill.Title))));
        body.Append(Styled("Subtitle", Text(ExportText.VersionLine(bill, options))));
        markdown.Write(bill.Preamble);
        foreach (var c in bill.Clauses)
        {
            body.Append(Styled("Heading1", Text(ExportText.ArticleTitle(c, labels))));
            markdown.Write(c.Body);
        }
    }

    private static Run Text(string text, RunProperties? props = null)
    {
        var run = new Run();
        if (props is not null) run.Append(props);
        run.Append(new Text(ExportText.XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph Styled(string styleId, params OpenXmlElement[] content)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        p.Append(content);
        return p;
    }

    private static Table Table(AnnexTable t)
    {
        var border = () => new[]
        {
            (OpenXmlElement)new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 },
        };
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(border())));
        // A4 width minus margins (11906 - 2 × 1134 twips), shared evenly.
        var width = ((11906 - 2 * 1134) / t.Headers.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        table.Append(new TableGrid(t.Headers.Select(_ => new GridColumn { Width = width })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in t.Headers) header.Append(Cell(h, bold: true));
        table.Append(header);
        foreach (var r in t.Rows)
        {
            var row = new TableRow();
            foreach (var cell in r) row.Append(Cell(cell, bold: false));
            table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(string text, bool bold) =>
        new(new Paragraph(Text(ExportText.OneLine(text), bold ? new RunProperties(new Bold()) : null)));
}
