using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>A bill drafted in French and English at once, in real browsers against the real server.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class BilingualBillTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(20);

    private static ILocator Body(BillPage page, string language) =>
        page.Article(1).Locator($"[data-testid=lang-{language}] .clause-body .cm-content");

    private static ILocator Flag(BillPage page, string language) =>
        page.Article(1).Locator($"[data-testid=review-flag][data-lang={language}]");

    // Both texts of article 1, read from the page's Y.Doc: "fr text\u0001en text".
    private static async Task<string> TextsAsync(BillPage page)
    {
        var json = await page.Page.EvaluateAsync<JsonElement>(
            "() => { const a = window.pariscodraft?.model.list().active[0]; const en = a?.translations.get('en'); return a && en ? a.body.toString() + '\\u0001' + en.body.toString() : null; }").Within();
        return json.ValueKind == JsonValueKind.String ? json.GetString()! : "<no article>";
    }

    private static async Task TypeAtEndAsync(BillPage page, string language, string text)
    {
        await Body(page, language).ClickAsync().Within();
        await page.Page.Keyboard.PressAsync("Control+End").Within();
        await page.Page.Keyboard.TypeAsync(text, new() { Delay = 10 }).Within(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task TwoPeopleTypeTheFrenchAndEnglishTextsOfOneArticleAtOnceAndTheTranslationIsFlaggedThenConfirmed()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Cours oasis", "Fatou Animatrice", ["fr", "en"]);
        await using var alice = await fixture.NewPersonAsync();
        await using var bruno = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var b = await BillPage.JoinAsync(bruno, bill.InviteFor("elected"), "Bruno Élu", fixture);
        await a.AddArticleAsync();
        await Bounded.Eventually(b.ArticleCountAsync, n => n == 1, "Bruno sees the article");
        await Body(b, "en").WaitForAsync().Within();

        const string fr = "Les cours sont ouvertes le samedi.";
        const string en = "Schoolyards are open on Saturdays.";
        await Task.WhenAll(TypeAtEndAsync(a, "fr", fr), TypeAtEndAsync(b, "en", en)).Within(TimeSpan.FromSeconds(60));
        var both = fr + "\u0001" + en;
        await Bounded.Eventually(() => TextsAsync(a), t => t == both, "Alice has both texts", Converge);
        await Bounded.Eventually(() => TextsAsync(b), t => t == both, "Bruno has both texts", Converge);

        // Never confirmed: each text is to review against the other's, the English one showing the French words typed.
        // The flag is redrawn at most every 100 ms: it shows the last French words a moment after the texts meet.
        await Bounded.Eventually(
            async () => await Flag(b, "en").IsVisibleAsync().Within() ? await Flag(b, "en").Locator("ins").First.TextContentAsync().Within() ?? "" : "",
            t => t.Contains("ouvertes le samedi", StringComparison.Ordinal),
            "Bruno sees the English flagged with all of Alice's French words", Converge);
        await Flag(b, "en").GetByRole(AriaRole.Button, new() { Name = "Confirmer que les versions de l’article 1 concordent" }).ClickAsync().Within();
        foreach (var page in new[] { a, b })
        {
            await Bounded.Eventually(() => page.Article(1).Locator("[data-testid=review-flag]:visible").CountAsync(), n => n == 0, $"{page.Name} sees no flag once confirmed");
        }

        // Alice changes the French text: Bruno sees the English flagged with her words, not the French.
        await TypeAtEndAsync(a, "fr", " Et le dimanche.");
        await Bounded.Eventually(
            async () => await Flag(b, "en").IsVisibleAsync().Within() ? await Flag(b, "en").Locator("ins").First.TextContentAsync().Within() ?? "" : "",
            t => t.Contains("Et le dimanche.", StringComparison.Ordinal) && !t.Contains("samedi", StringComparison.Ordinal),
            "Bruno sees the English flagged with Alice's words", Converge);
        Assert.True(await Flag(b, "fr").IsHiddenAsync().Within());
        await Flag(a, "en").WaitForAsync(new() { State = WaitForSelectorState.Visible }).Within();
        await b.ScreenshotAsync("bilingual-bill-to-review.png");

        await TypeAtEndAsync(b, "en", " And on Sundays.");
        await Flag(b, "en").GetByRole(AriaRole.Button, new() { Name = "Confirmer que les versions de l’article 1 concordent" }).ClickAsync().Within();
        await Bounded.Eventually(() => a.Article(1).Locator("[data-testid=review-flag]:visible").CountAsync(), n => n == 0, "Alice sees the translation confirmed");
    }

    [Fact]
    public async Task AClerkDownloadsTheBilingualAkomaNtosoWithOneValidExpressionPerLanguage()
    {
        Assert.True(File.Exists(AknSchema.SchemaPath), $"the Akoma Ntoso schema is expected at {AknSchema.SchemaPath}");
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Cours oasis", "Fatou Animatrice", ["fr", "en"]);
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var clerkContext = await fixture.NewPersonAsync();
        var citizen = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), "Camille Citoyenne", fixture);
        await citizen.AddArticleAsync();
        await TypeAtEndAsync(citizen, "fr", "Les cours sont ouvertes.");
        await TypeAtEndAsync(citizen, "en", "Schoolyards are open.");
        await Bounded.Eventually(citizen.PendingAsync, n => n == 0, "the citizen's edits acknowledged");

        var clerk = await BillPage.JoinAsync(clerkContext, bill.InviteFor("clerk"), "Greffe du Conseil", fixture);
        await clerk.Page.GotoAsync($"/bills/{bill.BillId}/versions").Within();
        var download = await clerk.Page.RunAndWaitForDownloadAsync(
            () => clerk.Page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en Akoma Ntoso" }).ClickAsync()).Within();
        var xml = await File.ReadAllTextAsync(await download.PathAsync().Within()).Within();

        Assert.Empty(AknSchema.Validate(xml));
        XNamespace akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
        var components = XDocument.Parse(xml).Root!.Element(akn + "documentCollection")!.Element(akn + "collectionBody")!.Elements(akn + "component").ToList();
        Assert.Equal(["fra", "eng"], components.Select(c => (string)c.Descendants(akn + "FRBRExpression").Single().Element(akn + "FRBRlanguage")!.Attribute("language")!));
        Assert.Equal(["Les cours sont ouvertes.", "Schoolyards are open."], components.Select(c => (string)c.Descendants(akn + "article").Single().Element(akn + "content")!));
    }
}
