using System.Globalization;
using System.Xml.Linq;
using Markdig.Syntax;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Writes Markdown bodies (parsed by <see cref="SafeMarkdown"/>) as Akoma Ntoso block elements, all of them
/// allowed inside an article's <c>content</c> and in the <c>preamble</c> by the 3.0 schema: <c>p</c> with
/// <c>b</c>/<c>i</c>/<c>span class="code"</c>/<c>br</c>/<c>a href</c> (http, https, mailto only); lists as
/// <c>blockList</c> of <c>item</c>s whose <c>num</c> is the marker ("1.", "•"); block quotes as
/// <c>blockContainer class="quote"</c>; headings as <c>p class="heading"</c> in bold. eIds follow the
/// naming convention below the given parent ("art_…__list_1__item_2").
/// </summary>
internal static class AknMarkdownWriter
{
    private static readonly XNamespace Akn = AkomaNtosoExporter.Akn;
    private static readonly string[] Bullets = ["•", "–", "▪"];

    public static List<XElement> Blocks(string markdown, string parentEId) => Blocks(SafeMarkdown.Parse(markdown), new Scope(parentEId), 0);

    private static List<XElement> Blocks(ContainerBlock container, Scope scope, int listDepth)
    {
        var result = new List<XElement>();
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    result.Add(List(list, scope, listDepth));
                    break;
                case QuoteBlock quote:
                    var quoteId = scope.Next("blockcontainer");
                    var inside = Blocks(quote, new Scope(quoteId), listDepth);
                    if (inside.Count > 0) result.Add(new XElement(Akn + "blockContainer", new XAttribute("eId", quoteId), new XAttribute("class", "quote"), inside));
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                case ContainerBlock other:
                    result.AddRange(Blocks(other, scope, listDepth));
                    break;
                case HeadingBlock heading:
                    result.Add(Paragraph(MarkdownInlines.Spans(heading.Inline, bold: true), "heading"));
                    break;
                case CodeBlock code:
                    var lines = code.Lines.ToString().Split('\n');
                    result.Add(Paragraph([.. lines.SelectMany((line, i) => i == 0
                        ? new[] { new FlatSpan(line, false, false, true) }
                        : [new FlatSpan("", false, false, false, LineBreak: true), new FlatSpan(line, false, false, true)])], "code"));
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    var spans = MarkdownInlines.Spans(leaf.Inline, bold: false);
                    if (spans.Count > 0) result.Add(Paragraph(spans, null));
                    break;
            }
        }
        return result;
    }

    private static XElement List(ListBlock list, Scope scope, int depth)
    {
        var listId = scope.Next("list");
        var element = new XElement(Akn + "blockList", new XAttribute("eId", listId), new XAttribute("class", list.IsOrdered ? "ordered" : "unordered"));
        var n = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        var items = new Scope(listId);
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var itemId = items.Next("item");
            var marker = list.IsOrdered ? (n++).ToString(CultureInfo.InvariantCulture) + "." : Bullets[depth % Bullets.Length];
            var inside = Blocks(item, new Scope(itemId), depth + 1);
            if (inside.Count == 0) inside.Add(new XElement(Akn + "p"));
            element.Add(new XElement(Akn + "item", new XAttribute("eId", itemId), new XElement(Akn + "num", marker), inside));
        }
        return element;
    }

    /// <summary>A <c>p</c> of inline spans; consecutive spans of one link share one <c>a</c>.</summary>
    public static XElement Paragraph(IReadOnlyList<FlatSpan> spans, string? cssClass)
    {
        var p = new XElement(Akn + "p");
        if (cssClass is not null) p.Add(new XAttribute("class", cssClass));
        XElement? link = null;
        foreach (var s in spans)
        {
            var href = ExportLinks.Target(s.Href);
            if (href is null) link = null;
            else if (link is null || (string?)link.Attribute("href") != href)
            {
                link = new XElement(Akn + "a", new XAttribute("href", href));
                p.Add(link);
            }
            (link ?? p).Add(Inline(s));
        }
        return p;
    }

    private static object Inline(FlatSpan s)
    {
        if (s.LineBreak) return new XElement(Akn + "br");
        object content = ExportText.XmlSafe(s.Text);
        if (s.Code) content = new XElement(Akn + "span", new XAttribute("class", "code"), content);
        if (s.Italic) content = new XElement(Akn + "i", content);
        if (s.Bold) content = new XElement(Akn + "b", content);
        return content;
    }

    // Numbers the children of one element per kind: "…__list_1", "…__list_2", "…__blockcontainer_1".
    private sealed class Scope(string eId)
    {
        private readonly Dictionary<string, int> _counts = [];

        public string Next(string kind)
        {
            var n = _counts.GetValueOrDefault(kind) + 1;
            _counts[kind] = n;
            return eId + "__" + kind + "_" + n.ToString(CultureInfo.InvariantCulture);
        }
    }
}
