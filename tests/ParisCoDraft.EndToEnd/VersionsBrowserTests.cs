using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>Workshops, versions, the diff between two workshops and the clerk's downloads, in the browser.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class VersionsBrowserTests(EndToEndFixture fixture)
{
    private static async Task RunWorkshopAsync(IPage versions, string name, string date, Func<Task> duringIt)
    {
        await versions.GetByLabel("Nom", new() { Exact = true }).FillAsync(name).Within();
        await versions.GetByLabel("Date", new() { Exact = true }).FillAsync(date).Within();
        await versions.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Hôtel de Ville").Within();
        await versions.GetByRole(AriaRole.Button, new() { Name = "Programmer l’atelier" }).ClickAsync().Within();
        await versions.GetByRole(AriaRole.Button, new() { Name = $"Ouvrir l’atelier {name}" }).ClickAsync().Within();
        await versions.GetByRole(AriaRole.Button, new() { Name = $"Clôturer l’atelier {name}" }).WaitForAsync().Within();
        await duringIt();
        await versions.GetByRole(AriaRole.Button, new() { Name = $"Clôturer l’atelier {name}" }).ClickAsync().Within();
        await versions.Locator($"tr:has(th:text-is('{name}')) td:text-is('Clôturé')").WaitForAsync().Within();
    }

    private static async Task TypeDurablyAsync(BillPage citizen, int article, string text)
    {
        await citizen.TypeInArticleAsync(article, text);
        await Bounded.Eventually(citizen.PendingAsync, n => n == 0, "the citizen's edits acknowledged");
    }

    [Fact]
    public async Task AFacilitatorClosesTwoWorkshopsComparesThemAndAClerkDownloadsEachExport()
    {
        var created = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var clerkContext = await fixture.NewPersonAsync();
        var facilitator = await BillPage.JoinAsync(facilitatorContext, created.InviteFor("facilitator"), "Fatou", fixture);
        var citizen = await BillPage.JoinAsync(citizenContext, created.InviteFor("citizen"), "Camille Citoyenne", fixture);
        var versions = facilitator.Page;
        await versions.GotoAsync($"/bills/{created.BillId}/versions").Within();
        await versions.GetByRole(AriaRole.Heading, new() { Name = "Ateliers", Exact = true }).WaitForAsync().Within();

        await RunWorkshopAsync(versions, "Atelier 1", "2025-03-01", async () =>
        {
            await citizen.AddArticleAsync();
            await TypeDurablyAsync(citizen, 1, "La Ville ouvre des îlots de fraîcheur");
        });
        await RunWorkshopAsync(versions, "Atelier 2", "2025-04-01", () => TypeDurablyAsync(citizen, 1, ", un par quartier."));

        await versions.GetByRole(AriaRole.Button, new() { Name = "Comparer la version v4 — Clôture — Atelier 2 avec la précédente" }).ClickAsync().Within();
        var summary = versions.GetByTestId("diff-summary");
        await summary.WaitForAsync().Within();
        Assert.Equal("De v2 — Clôture — Atelier 1 à v4 — Clôture — Atelier 2", await versions.Locator("#compare-heading").TextContentAsync().Within());
        Assert.Equal("Les citoyen·nes ont complété l'article 1 (3 mots).", await summary.TextContentAsync().Within());
        Assert.Contains("un par quartier", await versions.Locator("[data-testid=diff-text] ins[data-groups=citizens]").First.TextContentAsync().Within(), StringComparison.Ordinal);
        await versions.GetByLabel("Côte à côte").CheckAsync().Within();
        await versions.Locator("[data-testid=diff-text] .diff-side td.newer ins").First.WaitForAsync().Within();

        var clerk = await BillPage.JoinAsync(clerkContext, created.InviteFor("clerk"), "Greffe du Conseil", fixture);
        await clerk.Page.GotoAsync($"/bills/{created.BillId}/versions").Within();
        await clerk.Page.GetByLabel("Version à exporter").SelectOptionAsync(new SelectOptionValue { Label = "v4 — Clôture — Atelier 2" }).Within();
        foreach (var (format, extension) in new[] { ("Markdown", ".md"), ("HTML", ".html"), ("DOCX", ".docx"), ("Akoma Ntoso", ".akn.xml") })
        {
            var download = await clerk.Page.RunAndWaitForDownloadAsync(
                () => clerk.Page.GetByRole(AriaRole.Link, new() { Name = $"Télécharger en {format}" }).ClickAsync()).Within();
            Assert.Equal($"pariscodraft-{created.BillId}-v4-annexe{extension}", download.SuggestedFilename);
            var path = await download.PathAsync().Within();
            var bytes = await File.ReadAllBytesAsync(path).Within();
            Assert.True(bytes.Length > 200, $"{format} export is {bytes.Length} bytes");
            if (format == "Markdown")
            {
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                Assert.Contains("La Ville ouvre des îlots de fraîcheur, un par quartier.", text, StringComparison.Ordinal);
                Assert.Contains("Atelier 2", text, StringComparison.Ordinal);
            }
        }
        Assert.Equal(0, await clerk.Page.Locator("#workshop-form:visible").CountAsync().Within());
    }
}
