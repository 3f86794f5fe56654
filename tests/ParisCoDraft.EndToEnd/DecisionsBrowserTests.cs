using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// The decisions in real browsers: comments edited and hidden through dialogs, an amendment and a new
/// article proposed and adopted, the final vote opened, cast and closed; the console's table at two widths;
/// axe-core on the versions (with a diff), ideas and review pages.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DecisionsBrowserTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    private static async Task<(BillApi.CreatedBill Bill, BillPage Facilitator)> BillWithOneArticleAsync(EndToEndFixture fixture, IBrowserContext context, string title)
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, title, "Fatou Animatrice");
        var f = await BillPage.JoinAsync(context, bill.InviteFor("facilitator"), "Fatou Animatrice", fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Objet', 'La Ville crée des îlots de fraîcheur.')").Within();
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the article stored", Live);
        return (bill, f);
    }

    private static ILocator Dialog(IPage page, string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title, Exact = true });

    private static Task<bool> HasFocusAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement").Within();

    [Fact]
    public async Task ACommentIsEditedAndHiddenThroughDialogsAndAnAmendmentAndANewArticleAreProposedAndAdopted()
    {
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        var (bill, f) = await BillWithOneArticleAsync(fixture, facilitatorContext, "Îlots de fraîcheur");
        var a = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        await Bounded.Eventually(a.ArticleCountAsync, n => n == 1, "Alice sees the article", Live);

        // Alice comments, then edits her comment in a dialog: Escape first (nothing changes), then for real.
        await a.OpenDiscussionAsync(1);
        await a.Article(1).Locator("textarea.comment-text").FillAsync("Premier jet.").Within();
        await a.Article(1).GetByRole(AriaRole.Button, new() { Name = "Commenter l’article" }).ClickAsync().Within();
        var edit = a.Article(1).GetByRole(AriaRole.Button, new() { Name = "Modifier le commentaire de Alice Citoyenne" });
        await edit.ClickAsync().Within();
        var editDialog = Dialog(a.Page, "Modifier mon commentaire");
        var editField = editDialog.GetByLabel("Nouveau texte du commentaire");
        Assert.Equal("Premier jet.", await editField.InputValueAsync().Within());
        Assert.True(await HasFocusAsync(editField), "the comment's text has the focus in the dialog");
        await a.Page.Keyboard.PressAsync("Escape").Within();
        await editDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached }).Within();
        Assert.True(await HasFocusAsync(edit), "Escape puts the focus back on « Modifier »");
        await edit.ClickAsync().Within();
        await editField.FillAsync("Des arbres plutôt que des brumisateurs.").Within();
        await editDialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync().Within();
        await f.OpenDiscussionAsync(1);
        var comment = f.Article(1).Locator("[data-testid=thread] .comment-body").First;
        await Bounded.Eventually(() => comment.TextContentAsync().Within(), t => t == "Des arbres plutôt que des brumisateurs.", "Fatou sees the edited comment", Live);

        // The facilitator hides it: the reason is required (the dialog says so and stays), then given.
        await f.Article(1).GetByRole(AriaRole.Button, new() { Name = "Masquer le commentaire de Alice Citoyenne" }).ClickAsync().Within();
        var hideDialog = Dialog(f.Page, "Masquer le commentaire de Alice Citoyenne");
        await hideDialog.GetByRole(AriaRole.Button, new() { Name = "Masquer", Exact = true }).ClickAsync().Within();
        await hideDialog.GetByText("Ce champ est obligatoire.").WaitForAsync().Within();
        Assert.Equal("true", await hideDialog.GetByLabel("Motif du masquage").GetAttributeAsync("aria-invalid").Within());
        await Axe.AssertNoSeriousViolationsAsync(f.Page, "the bill page with a dialog open");
        await hideDialog.GetByLabel("Motif du masquage").FillAsync("Propos hors sujet").Within();
        await hideDialog.GetByRole(AriaRole.Button, new() { Name = "Masquer", Exact = true }).ClickAsync().Within();
        await a.Article(1).GetByText("Commentaire masqué par Fatou Animatrice (l’animation) : Propos hors sujet").WaitForAsync().Within(Live);

        // Alice proposes another wording for article 1, and a new article after it.
        await a.Article(1).GetByText("Proposer une autre rédaction").ClickAsync().Within();
        const string amended = "La Ville crée un îlot de fraîcheur dans chaque quartier.";
        await a.Article(1).GetByLabel("Rédaction proposée").FillAsync(amended).Within();
        await a.Article(1).GetByRole(AriaRole.Button, new() { Name = "Déposer l’amendement" }).ClickAsync().Within();
        await a.Page.GetByText("Proposer un nouvel article").ClickAsync().Within();
        await a.Page.GetByLabel("Emplacement").SelectOptionAsync(new SelectOptionValue { Label = "Après l’article 1 — Objet" }).Within();
        await a.Page.GetByLabel("Intitulé de l’article proposé").FillAsync("Suivi").Within();
        await a.Page.GetByLabel("Texte de l’article proposé").FillAsync("Un bilan est publié chaque année.").Within();
        await a.Page.GetByRole(AriaRole.Button, new() { Name = "Déposer la proposition" }).ClickAsync().Within();
        await Bounded.Eventually(() => f.Article(1).Locator("[data-testid=amendment-count]").GetAttributeAsync("data-count").Within(), n => n == "1",
            "Fatou sees one amendment on article 1", Live);
        var proposal = f.Page.Locator("[data-testid=new-clause-proposals] [data-testid=amendment]");
        await proposal.WaitForAsync().Within(Live);
        Assert.Contains("À insérer après l’article 1", await proposal.TextContentAsync().Within(), StringComparison.Ordinal);

        // The facilitator adopts both, each after a confirmation; Alice's text follows.
        await f.Article(1).Locator("[data-testid=amendment] [data-testid=adopt]").ClickAsync().Within();
        await Dialog(f.Page, "Adopter l’amendement").GetByRole(AriaRole.Button, new() { Name = "Adopter" }).ClickAsync().Within();
        await Bounded.Eventually(() => a.ArticleTextAsync(1), t => t == amended, "Alice's article 1 reads as the amendment", Live);
        await proposal.Locator("[data-testid=adopt]").ClickAsync().Within();
        await Dialog(f.Page, "Adopter l’amendement").GetByRole(AriaRole.Button, new() { Name = "Adopter" }).ClickAsync().Within();
        await Bounded.Eventually(a.ArticlesAsync, t => t == amended + " | Un bilan est publié chaque année.", "Alice sees the new article 2", Live);
        await Bounded.Eventually(() => a.Article(1).Locator("[data-testid=amendment-count]").GetAttributeAsync("data-count").Within(), n => n == "0",
            "no amendment left open on article 1", Live);
        await Bounded.Eventually(() => a.Page.Locator(".decided-proposals").TextContentAsync().Within(),
            t => t != null && t.StartsWith("Propositions déjà tranchées (1)", StringComparison.Ordinal) && t.Contains("adopté", StringComparison.Ordinal),
            "Alice sees the new article's proposal as adopted", Live);
    }

    [Fact]
    public async Task TheFinalVoteIsOpenedCastByCitizensAndClosedWhileTheTextStaysFrozen()
    {
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var aliceContext = await fixture.NewPersonAsync();
        await using var arnoContext = await fixture.NewPersonAsync();
        var (bill, f) = await BillWithOneArticleAsync(fixture, facilitatorContext, "Vote final");
        var alice = await BillPage.JoinAsync(aliceContext, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var arno = await BillPage.JoinAsync(arnoContext, bill.InviteFor("citizen"), "Arno Citoyen", fixture);

        var console = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(console, "console");
        await console.GotoAsync($"/bills/{bill.BillId}/console").Within();

        // The console's Articles table stays inside its card at 1280 and at 1024 pixels.
        foreach (var width in new[] { 1280, 1024 })
        {
            await console.SetViewportSizeAsync(width, 900).Within();
            var fits = await console.Locator("[data-testid=console-clauses]").EvaluateAsync<bool>(
                "t => { const card = t.closest('section').getBoundingClientRect(); const scroller = t.parentElement;" +
                " return scroller.scrollWidth <= scroller.clientWidth + 1 && [...t.querySelectorAll('td, th')].every(c => c.getBoundingClientRect().right <= card.right + 1); }").Within();
            Assert.True(fits, $"the Articles table fits its card at {width} px");
        }
        await console.SetViewportSizeAsync(1280, 900).Within();

        await console.Locator("[data-testid=open-vote]").ClickAsync().Within();
        await Dialog(console, "Ouvrir le vote final").GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote final" }).ClickAsync().Within();
        foreach (var p in new[] { alice, arno })
        {
            await p.Page.Locator("[data-testid=vote-open]").WaitForAsync().Within(Live);
            await Bounded.Eventually(() => p.ArticleBody(1).GetAttributeAsync("aria-readonly").Within(), v => v == "true", $"{p.Name}'s text is frozen", Live);
        }
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "J’approuve le texte" }).ClickAsync().Within();
        await arno.Page.GetByRole(AriaRole.Button, new() { Name = "J’approuve le texte" }).ClickAsync().Within();
        await Bounded.Eventually(() => console.Locator("[data-testid=vote-tally]").TextContentAsync().Within(),
            t => t == "2 pour, 0 contre (2 votes sur 2 membres)", "the console counts both ballots", Live);
        await arno.Page.GetByText("Vous avez approuvé le texte.").WaitForAsync().Within(Live);

        await console.Locator("[data-testid=close-vote]").ClickAsync().Within();
        await Dialog(console, "Clore le vote").GetByRole(AriaRole.Button, new() { Name = "Clore le vote" }).ClickAsync().Within();
        foreach (var p in new[] { alice, arno })
        {
            await Bounded.Eventually(() => p.Page.Locator("[data-testid=vote-outcome]").TextContentAsync().Within(), t => t == "Texte approuvé.", $"{p.Name} sees the outcome", Live);
            await Bounded.Eventually(() => p.ArticleBody(1).GetAttributeAsync("aria-readonly").Within(), v => v != "true", $"{p.Name}'s text is editable again", Live);
        }
        await Axe.AssertNoSeriousViolationsAsync(alice.Page, "the bill page after the vote");
        await Axe.AssertNoSeriousViolationsAsync(console, "the console after the vote");
    }

    [Fact]
    public async Task TheVersionsIdeasAndReviewPagesHaveNoSeriousAccessibilityViolations()
    {
        await using var context = await fixture.NewPersonAsync();
        var (bill, f) = await BillWithOneArticleAsync(fixture, context, "Pages annexes");
        var page = f.Page;
        var api = $"/api/bills/{bill.BillId}";
        async Task PostAsync(string path, string json)
        {
            var status = await page.EvaluateAsync<int>(
                "async ([url, body]) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status",
                new[] { api + path, json }).Within();
            Assert.True(status is 200 or 201 or 204, $"POST {path} answered {status}");
        }
        await PostAsync("/versions", "{\"label\":\"Avant l’atelier\"}");
        await f.TypeInArticleAsync(1, " Un par quartier.");
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the edit stored", Live);
        await PostAsync("/versions", "{\"label\":\"Après l’atelier\"}");
        await PostAsync("/ideas/import", "{\"format\":\"csv\",\"content\":\"number,title,text,source_group\\n1,Arbres,Planter des arbres,citizens\\n2,Fontaines,Plus de fontaines,citizens\\n\"}");
        var clauseId = await page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[0].id").Within();
        await PostAsync("/follow-up/commitments", $"{{\"clauseId\":\"{clauseId}\",\"department\":\"DEVE\",\"action\":\"Cartographier les îlots\",\"dueDate\":\"2026-06-30\"}}");

        await page.GotoAsync($"/bills/{bill.BillId}/versions").Within();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Comparer la version v2") }).ClickAsync().Within();
        await page.GetByTestId("diff-summary").WaitForAsync().Within();
        await Axe.AssertNoSeriousViolationsAsync(page, "the versions page with a diff");
        await page.GetByLabel("Côte à côte").CheckAsync().Within();
        await page.Locator("[data-testid=diff-text] .diff-side").First.WaitForAsync().Within();
        await Axe.AssertNoSeriousViolationsAsync(page, "the side-by-side diff");

        await page.GotoAsync($"/bills/{bill.BillId}/ideas").Within();
        await page.Locator("#matrix tbody tr").First.WaitForAsync().Within();
        await Axe.AssertNoSeriousViolationsAsync(page, "the ideas page");

        await page.GotoAsync($"/bills/{bill.BillId}/review").Within();
        await page.Locator("#commitment-rows tr").First.WaitForAsync().Within();
        await Axe.AssertNoSeriousViolationsAsync(page, "the review page");
    }
}
