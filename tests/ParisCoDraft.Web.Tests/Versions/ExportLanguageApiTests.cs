using System.Net;
using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class ExportLanguageApiTests : VersionsTest
{
    [Fact]
    public async Task AClerkExportsAVersionWithItsAnnexInEnglish()
    {
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "- un\n- [deux](javascript:alert(1))")));
        var w = await CreateWorkshopAsync("Atelier 1", "2025-03-01");
        await MoveWorkshopAsync(w, "open");
        var version = (await MoveWorkshopAsync(w, "close")).GetProperty("version").GetProperty("id").GetString();

        using var md = await Clerk.Http.GetAsync(Api($"export?format=md&version={version}&annex=true&lang=en")).Bounded();
        var text = await md.Content.ReadAsStringAsync().Bounded();

        Assert.Equal(HttpStatusCode.OK, md.StatusCode);
        Assert.Equal("en", Assert.Single(md.Content.Headers.ContentLanguage));
        Assert.Matches(@"\*Version v2 — .* of \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d UTC — SHA-256 of the text: [0-9a-f]{64}\*", text);
        Assert.Contains("\n## Annex\n", text, StringComparison.Ordinal);
        Assert.Contains("### Co-writing workshops\n\n| Workshop | Date | Place |", text, StringComparison.Ordinal);
        Assert.Contains("| Atelier 1 | 1 March 2025 |", text, StringComparison.Ordinal);
        Assert.Contains("\\[deux](javascript:alert(1))", text, StringComparison.Ordinal);

        using var current = await Clerk.Http.GetAsync(Api("export?format=html&lang=en")).Bounded();
        var html = await current.Content.ReadAsStringAsync().Bounded();
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Version current text of ", html, StringComparison.Ordinal);
        Assert.Equal($"pariscodraft-{Bill.BillId}-current.html", current.Content.Headers.ContentDisposition!.FileNameStar ?? current.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task FrenchStaysTheDefaultAndCanBeAskedFor()
    {
        using var byDefault = await Clerk.Http.GetAsync(Api("export?format=akn")).Bounded();
        using var french = await Clerk.Http.GetAsync(Api("export?format=akn&lang=fr")).Bounded();

        foreach (var response in new[] { byDefault, french })
        {
            var xml = await response.Content.ReadAsStringAsync().Bounded();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("xml:lang=\"fr\"", xml, StringComparison.Ordinal);
            Assert.Contains("<FRBRlanguage language=\"fra\" />", xml, StringComparison.Ordinal);
            Assert.Contains("Version texte courant du ", xml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en-GB")]
    [InlineData("<script>")]
    public async Task RefusesAnUnknownLanguageWithAClearMessage(string lang)
    {
        using var response = await Clerk.Http.GetAsync(Api($"export?format=md&lang={Uri.EscapeDataString(lang)}")).Bounded();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().Bounded());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-lang", json.RootElement.GetProperty("error").GetString());
        Assert.Contains("fr", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("en", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
