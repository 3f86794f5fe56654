using DocumentFormat.OpenXml.Wordprocessing;

namespace ParisCoDraft.Drafting.Exports;

public static partial class DocxExporter
{
    // Built-in style ids and names ("heading 1", "Title"), so Word treats them as real headings.
    private static Styles Styles(string locale)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new Languages { Val = locale })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 40, null),
            Heading("Subtitle", "Subtitle", 20, null, bold: false),
            Heading("Heading1", "heading 1", 28, 0),
            Heading("Heading2", "heading 2", 24, 1));
        return styles;
    }

    private static Style Heading(string id, string name, int halfPoints, int? outline, bool bold = true)
    {
        var pPr = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level) pPr.Append(new OutlineLevel { Val = level });
        var rPr = new StyleRunProperties();
        if (bold) rPr.Append(new Bold()); // before sz, as the schema orders them
        rPr.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            pPr,
            rPr)
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    // "Page N / M", centred, with PAGE and NUMPAGES fields.
    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(new Text("Page ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" / ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
}
