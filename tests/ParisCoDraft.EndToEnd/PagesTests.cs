using System.Text.Json;
using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>The index page, the language switch and accessibility (axe-core) of the bill page.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PagesTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task CreatingABillShowsOneInviteLinkPerRoleAndOpensTheBill()
    {
        await using var context = await fixture.NewPersonAsync();
        var page = await context.NewPageAsync().Within();
        await page.GotoAsync("/").Within();
        await page.GetByLabel("Titre du texte").FillAsync("Végétalisation des cours").Within();
        await page.GetByLabel("Préambule (facultatif)").FillAsync("Rendre les cours d’école plus fraîches.").Within();
        await page.GetByLabel("Votre nom").FillAsync("Fatou Animatrice").Within();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le projet" }).ClickAsync().Within();

        var links = page.Locator("[data-testid=invites] input.invite-url");
        await links.First.WaitForAsync().Within();
        var roles = await page.Locator("[data-testid=invites] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.inviteRole)").Within();
        Assert.Contains("citizen", roles);
        Assert.Contains("observer", roles);
        var first = await links.First.InputValueAsync().Within();
        Assert.Contains("/join/", first, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le projet" }).ClickAsync().Within();
        var bill = new BillPage(page, "Fatou");
        await bill.WaitForStatusAsync("connected", TimeSpan.FromSeconds(30));
        Assert.Equal("Vous êtes Fatou Animatrice — Animation", await page.Locator("#you").TextContentAsync().Within());
        Assert.True(await page.Locator("#invites").IsVisibleAsync().Within(), "the facilitator sees the invite panel");

        await page.GetByRole(AriaRole.Button, new() { Name = "Language: English" }).ClickAsync().Within();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang").Within());
        Assert.Equal("Connected", await page.Locator(".status-label").TextContentAsync().Within());
        await page.ReloadAsync().Within();
        await bill.WaitForStatusAsync("connected", TimeSpan.FromSeconds(30));
        Assert.Equal("Connected", await page.Locator(".status-label").TextContentAsync().Within());
    }

    [Fact]
    public async Task TheBillPageHasNoSeriousAccessibilityViolations()
    {
        var created = await BillApi.CreateAsync(fixture.Server.BaseUri, "Accessibilité", "Fatou Animatrice");
        await using var context = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(context, created.InviteFor("citizen"), "Alice Citoyenne", fixture);
        await a.AddArticleAsync();
        await a.TypeInArticleAsync(1, "Un article pour l’audit.");

        await a.Page.AddScriptTagAsync(new() { Path = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js") }).Within();
        var result = await a.Page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))").Within(TimeSpan.FromSeconds(40));
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, "axe-core: " + string.Join("; ", violations));
    }
}
