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

        await Axe.AssertNoSeriousViolationsAsync(a.Page, "the bill page");
    }

    [Fact]
    public async Task EveryPageRunsUnderTheContentSecurityPolicyWithoutBreakingIt()
    {
        var created = await BillApi.CreateAsync(fixture.Server.BaseUri, "Politique de sécurité", "Fatou Animatrice");
        await using var context = await fixture.NewPersonAsync();
        var refused = new System.Collections.Concurrent.ConcurrentQueue<string>();
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Enqueue(message.Text);
        };
        var f = await BillPage.JoinAsync(context, created.InviteFor("facilitator"), "Fatou Animatrice", fixture);
        await f.AddArticleAsync();
        await f.TypeInArticleAsync(1, "Un article sous politique de sécurité.");
        var policy = (await f.Page.ReloadAsync().Within())!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        await f.WaitForStatusAsync("connected");

        foreach (var page in new[] { "console", "projector", "versions", "ideas", "review" })
        {
            var response = await f.Page.GotoAsync($"/bills/{created.BillId}/{page}").Within();
            Assert.Equal(200, response!.Status);
            await f.Page.WaitForLoadStateAsync(LoadState.NetworkIdle).Within();
            Assert.True(await f.Page.Locator("main, [role=main]").First.IsVisibleAsync().Within(), $"the {page} page shows its content");
        }

        Assert.True(refused.IsEmpty, "refused by the policy: " + string.Join(" | ", refused));
    }
}
