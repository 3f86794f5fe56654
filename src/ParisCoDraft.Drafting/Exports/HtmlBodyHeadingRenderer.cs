using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>A heading typed inside a body, rendered as a bold paragraph so the export's own outline (h1 title, h2 articles) stays whole.</summary>
internal sealed class HtmlBodyHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write("<p class=\"heading\"><strong>");
        renderer.WriteLeafInline(obj);
        renderer.WriteLine("</strong></p>");
    }
}
