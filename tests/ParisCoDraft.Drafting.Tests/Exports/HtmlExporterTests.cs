using System.Text.RegularExpressions;
using ParisCoDraft.Drafting.Exports;

namespace ParisCoDraft.Drafting.Tests.Exports;

public partial class HtmlExporterTests
{
    [Fact]
    public void ProducesAStandalonePrintReadyFrenchDocument()
    {
        var bill = BillBuilder.Demo().Build();

        var html = HtmlExporter.Export(bill, Builders.FullExportOptions(bill));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", html);
        Assert.Contains("@media print", html);
        Assert.Contains("size: A4", html);
        Assert.Contains("break-before: page", html);
        Assert.Contains(bill.Sha256(), html);
        Assert.Contains("<section class=\"article\" id=\"art_" + Builders.Id(3) + "\">\n<h2><span class=\"num\">Article 3</span> — <span class=\"heading\">Alerte aux personnes isolées</span></h2>\n<p>Le registre", html);
        Assert.Contains("<td>Article 1</td><td>Citoyen·nes</td><td>30</td>", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void EncodesEverythingParticipantsTyped()
    {
        var html = HtmlExporter.Export(HostileBill.Build(), Builders.FullExportOptions(HostileBill.Build()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.DoesNotContain("<a href=\"javascript", html);
        Assert.Empty(EventHandlerInTag().Matches(html));
        Assert.Contains("&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt; Délibération</h1>", html);
        Assert.Contains("<strong>gras</strong>", html);
        Assert.Contains("<em>italique</em>", html);
    }

    [Fact]
    public void KeepsOnlyHttpHttpsAndMailtoLinksAndTheTextOfTheOthers()
    {
        var html = HtmlExporter.Export(HostileBill.Build(), new ExportOptions("v1", DateTimeOffset.UnixEpoch));

        var urls = UrlAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Equal(["https://paris.fr/canicule"], urls);
        Assert.Contains("<a href=\"https://paris.fr/canicule\" rel=\"noopener noreferrer nofollow\">ok</a>", html);
        Assert.Contains("<p>clic clic2 <a", html);
        Assert.Contains("</a> rel</p>", html);
    }

    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerInTag();

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
