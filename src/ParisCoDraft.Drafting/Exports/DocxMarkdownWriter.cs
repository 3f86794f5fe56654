using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Writes Markdown bodies (parsed by <see cref="SafeMarkdown"/>) into a Word body: paragraphs with bold,
/// italic and code runs; bullet and numbered lists on real numbering definitions (one numbering instance
/// per list, so each ordered list starts at its own number); block quotes indented with a rule on the left;
/// headings as bold paragraphs; links as hyperlinks to external http, https or mailto targets only.
/// Participants' text only ever lands in <c>w:t</c> elements, never in field instructions, so "{ DDE … }"
/// or "HYPERLINK" typed in a clause stays text.
/// </summary>
internal sealed class DocxMarkdownWriter(MainDocumentPart main, OpenXmlElement into)
{
    private const int BulletList = 1;
    private const int OrderedList = 2;
    private const int QuoteIndent = 567; // 1 cm in twips
    private static readonly string[] Bullets = ["•", "–", "▪"];

    private Numbering? _numbering;
    private int _lastNumId;

    public void Write(string markdown) => Blocks(SafeMarkdown.Parse(markdown), new Place(0, 0, null));

    private void Blocks(ContainerBlock container, Place at)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var level = Math.Min(at.ListDepth, 8);
                    var numId = NewList(list, level);
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var state = new ItemState(numId, level);
                        Blocks(item, at with { ListDepth = at.ListDepth + 1, Item = state });
                        if (!state.Numbered) Paragraph(at with { Item = state }, []);
                    }
                    break;
                case QuoteBlock quote:
                    Blocks(quote, at with { QuoteDepth = at.QuoteDepth + 1 });
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                case ContainerBlock other:
                    Blocks(other, at);
                    break;
                case HeadingBlock heading:
                    Paragraph(at, MarkdownInlines.Spans(heading.Inline, bold: true));
                    break;
                case CodeBlock code:
                    var lines = code.Lines.ToString().Split('\n');
                    Paragraph(at, [.. lines.SelectMany((line, i) => i == 0
                        ? new[] { new FlatSpan(line, false, false, true) }
                        : [new FlatSpan("", false, false, false, LineBreak: true), new FlatSpan(line, false, false, true)])]);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Paragraph(at, MarkdownInlines.Spans(leaf.Inline, bold: false));
                    break;
            }
        }
    }

    private void Paragraph(Place at, List<FlatSpan> spans)
    {
        var props = new ParagraphProperties(); // children in schema order: numPr, pBdr, ind
        var left = at.QuoteDepth * QuoteIndent;
        var hanging = 0;
        if (at.Item is { } item)
        {
            left += 720 * (item.Level + 1);
            if (!item.Numbered)
            {
                props.Append(new NumberingProperties(new NumberingLevelReference { Val = item.Level }, new NumberingId { Val = item.NumId }));
                hanging = 360;
                item.Numbered = true;
            }
        }
        if (at.QuoteDepth > 0)
        {
            props.Append(new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 12, Space = 8, Color = "8C8C8C" }));
        }
        if (left > 0)
        {
            var ind = new Indentation { Left = Twips(left) };
            if (hanging > 0) ind.Hanging = Twips(hanging);
            props.Append(ind);
        }
        var p = new Paragraph();
        if (props.HasChildren) p.Append(props);
        Hyperlink? link = null;
        string? linkTarget = null;
        foreach (var s in spans)
        {
            if (s.Href != linkTarget)
            {
                link = s.Href is { } href ? NewHyperlink(href) : null;
                linkTarget = link is null ? null : s.Href;
                if (link is not null) p.Append(link);
            }
            var run = Run(s, link is not null);
            if (link is not null) link.Append(run);
            else p.Append(run);
        }
        into.Append(p);
    }

    private static Run Run(FlatSpan s, bool link)
    {
        if (s.LineBreak) return new Run(new Break());
        var rp = new RunProperties(); // children in schema order: rFonts, b, i, color, u
        if (s.Code) rp.Append(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New", ComplexScript = "Courier New" });
        if (s.Bold) rp.Append(new Bold());
        if (s.Italic) rp.Append(new Italic());
        if (link)
        {
            rp.Append(new Color { Val = "0563C1" });
            rp.Append(new Underline { Val = UnderlineValues.Single });
        }
        var run = new Run();
        if (rp.HasChildren) run.Append(rp);
        run.Append(new Text(ExportText.XmlSafe(s.Text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    // An external relationship to the checked target; null (plain text) when System.Uri will not take it back.
    private Hyperlink? NewHyperlink(string href)
    {
        if (ExportLinks.Target(href) is not { } target || !Uri.TryCreate(target, UriKind.Absolute, out var uri)) return null;
        var rel = main.AddHyperlinkRelationship(uri, true);
        return new Hyperlink { Id = rel.Id, History = true };
    }

    private int NewList(ListBlock list, int level)
    {
        var numbering = _numbering ??= CreateNumbering();
        var id = ++_lastNumId;
        var instance = new NumberingInstance(new AbstractNumId { Val = list.IsOrdered ? OrderedList : BulletList }) { NumberID = id };
        if (list.IsOrdered)
        {
            var start = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level });
        }
        numbering.Append(instance);
        return id;
    }

    private Numbering CreateNumbering()
    {
        var part = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            Abstract(BulletList, level => (NumberFormatValues.Bullet, Bullets[level % Bullets.Length])),
            // "1." at every depth, as typed and as the Akoma Ntoso export numbers items.
            Abstract(OrderedList, level => (NumberFormatValues.Decimal, "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".")));
        return part.Numbering;
    }

    private static AbstractNum Abstract(int id, Func<int, (NumberFormatValues Format, string Text)> style)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var (format, text) = style(level);
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = Twips(720 * (level + 1)), Hanging = "360" }))
            { LevelIndex = level });
        }
        return abstractNum;
    }

    private static string Twips(int n) => n.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Place(int QuoteDepth, int ListDepth, ItemState? Item);

    // The first paragraph of a list item carries the number; the item's later paragraphs only its indentation.
    private sealed class ItemState(int numId, int level)
    {
        public int NumId { get; } = numId;

        public int Level { get; } = level;

        public bool Numbered { get; set; }
    }
}
