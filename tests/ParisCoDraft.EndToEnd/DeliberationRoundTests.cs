using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>A whole consensus round in real browsers: three groups, the facilitator's console and the projector.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeliberationRoundTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    private static ILocator Clause(BillPage p, int n) => p.Page.Locator($"li.clause[data-number='{n}']");

    private static Task<string?> StateAsync(BillPage p, int n) =>
        Clause(p, n).Locator("[data-testid=clause-state]").GetAttributeAsync("data-state").Within();

    private static async Task CommentAsync(BillPage p, int n, string text)
    {
        await p.OpenDiscussionAsync(n);
        await Clause(p, n).Locator("textarea.comment-text").FillAsync(text).Within();
        await Clause(p, n).Locator(".comment-form button[type=submit]").ClickAsync().Within();
    }

    private static async Task MarkAsync(BillPage p, int n, string stance, string? reason = null)
    {
        var clause = Clause(p, n);
        await p.OpenDiscussionAsync(n);
        await clause.Locator($"input[type=radio][value='{stance}']").CheckAsync().Within();
        if (reason is not null) await clause.Locator("textarea[id$='-reason']").FillAsync(reason).Within();
        await clause.Locator(".stance-form button[type=submit]").ClickAsync().Within();
    }

    [Fact]
    public async Task ThreeGroupsCommentAndMarkTheMatrixFillsLiveAnEditMakesMarkersStaleALockHoldsAndTheProjectorFollowsTheFocus()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var electedContext = await fixture.NewPersonAsync();
        await using var servantContext = await fixture.NewPersonAsync();
        var f = await BillPage.JoinAsync(facilitatorContext, bill.InviteFor("facilitator"), "Fatou Animatrice");
        fixture.Watch(f.Page, "facilitator");
        await f.Page.EvaluateAsync("() => { const m = window.pariscodraft.model; const a = m.add(undefined, 'Objet', 'La Ville crée des îlots de fraîcheur.'); m.add(a, 'Moyens', 'Un budget annuel est alloué.'); }").Within();
        var first = await f.Page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[0].id").Within();
        var second = await f.Page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[1].id").Within();

        var a = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), "Alice Citoyenne");
        var b = await BillPage.JoinAsync(electedContext, bill.InviteFor("elected"), "Bruno Élu");
        var c = await BillPage.JoinAsync(servantContext, bill.InviteFor("civil-servant"), "Chloé Services");
        foreach (var (p, who) in new[] { (a, "citizen"), (b, "elected"), (c, "civil-servant") }) fixture.Watch(p.Page, who);
        foreach (var p in new[] { a, b, c }) await Bounded.Eventually(p.ArticleCountAsync, n => n == 2, $"{p.Name} sees both articles");

        // Each group comments on article 1; everyone sees the count grow live.
        await CommentAsync(a, 1, "Il faut des arbres, pas seulement des brumisateurs.");
        await CommentAsync(b, 1, "Le coût d'entretien doit être chiffré.");
        await CommentAsync(c, 1, "La DEVE peut cartographier les sites.");
        foreach (var p in new[] { a, b, c, f })
        {
            await Bounded.Eventually(() => Clause(p, 1).Locator("[data-testid=comment-count]").GetAttributeAsync("data-count").Within(),
                n => n == "3", $"{p.Name} sees three comments", Live);
        }

        // Each marks; the citizen watches the matrix fill and the state reach consensus.
        await MarkAsync(a, 1, "agree");
        await Bounded.Eventually(() => StateAsync(b, 1), s => s == "close", "Bruno sees the clause close after Alice's stance", Live);
        await MarkAsync(b, 1, "reservations", "Sous réserve du budget.");
        await MarkAsync(c, 1, "agree");
        await Bounded.Eventually(() => StateAsync(a, 1), s => s == "consensus", "Alice sees consensus", Live);
        var electedCell = await Clause(a, 1).Locator("td[data-group='elected-officials'][data-stance='reservations']").InnerTextAsync().Within();
        Assert.Contains("Bruno Élu", electedCell, StringComparison.Ordinal);
        await a.ScreenshotAsync("deliberation-matrix.png");

        // An edit makes the markers stale: the state is no longer assessed and Alice is invited to confirm.
        await c.TypeInArticleAsync(1, " Avec des arbres.");
        await Bounded.Eventually(c.PendingAsync, n => n == 0, "Chloé's edit stored", Live);
        await Bounded.Eventually(() => a.ArticleTextAsync(1), t => t.EndsWith("Avec des arbres.", StringComparison.Ordinal), "Alice has Chloé's edit", Live);
        await Bounded.Eventually(() => StateAsync(a, 1), s => s == "not-assessed", "Alice sees her stance go stale", Live);
        await Clause(a, 1).Locator("[data-testid=stale-note] button").ClickAsync().Within();
        await Bounded.Eventually(() => StateAsync(b, 1), s => s == "close", "Bruno sees Alice's confirmed stance", Live);

        // The console: lock article 1. Alice cannot type in it; the server kept the text.
        var console = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(console, "console");
        await console.GotoAsync($"/bills/{bill.BillId}/console").Within();
        // The reason is asked in a dialog: Escape cancels it (nothing locked, focus back on the button) …
        var lockButton = console.Locator($"tr[data-clause-id='{first}'] [data-testid=lock]");
        await lockButton.ClickAsync().Within();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Verrouiller : Article 1 — Objet" });
        var reasonField = dialog.GetByLabel("Motif du verrouillage (affiché aux participants)");
        await reasonField.WaitForAsync().Within();
        Assert.True(await reasonField.EvaluateAsync<bool>("e => e === document.activeElement").Within(), "the reason field has the focus");
        await console.Keyboard.PressAsync("Escape").Within();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached }).Within();
        Assert.True(await lockButton.EvaluateAsync<bool>("e => e === document.activeElement").Within(), "focus is back on the lock button");
        // … then the facilitator gives the reason and locks.
        await lockButton.ClickAsync().Within();
        await reasonField.FillAsync("Validation en séance").Within();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Verrouiller", Exact = true }).ClickAsync().Within();
        await Clause(a, 1).Locator(".lock-note").WaitForAsync(new() { State = WaitForSelectorState.Visible }).Within(Live);
        Assert.Equal("true", await a.ArticleBody(1).GetAttributeAsync("aria-readonly").Within());
        var before = await a.ArticleTextAsync(1);
        await a.ArticleBody(1).ClickAsync(new() { Force = true }).Within();
        await a.Page.Keyboard.TypeAsync("piraté").Within();
        await Task.Delay(500);
        Assert.Equal(before, await a.ArticleTextAsync(1));
        Assert.Equal(before, await b.ArticleTextAsync(1));

        // The projector follows the focus the console sets.
        var projector = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(projector, "projector");
        await projector.GotoAsync($"/bills/{bill.BillId}/projector").Within();
        await console.Locator($"tr[data-clause-id='{first}'] [data-testid=focus]").ClickAsync().Within();
        await projector.Locator($"[data-testid=projector-clause][data-clause-id='{first}']").WaitForAsync().Within(Live);
        await Bounded.Eventually(() => projector.Locator("[data-testid=projector-body]").InnerTextAsync().Within(),
            t => t.Contains("Avec des arbres.", StringComparison.Ordinal), "the projector shows the live text", Live);
        await console.Locator($"tr[data-clause-id='{second}'] [data-testid=focus]").ClickAsync().Within();
        await projector.Locator($"[data-testid=projector-clause][data-clause-id='{second}']").WaitForAsync().Within(Live);
        await Bounded.Eventually(async () => await Clause(b, 2).GetAttributeAsync("aria-current").Within(), v => v == "true", "Bruno's view follows the focus", Live);
        await Bounded.Eventually(() => Clause(b, 2).Locator("[data-testid=delib-toggle]").GetAttributeAsync("aria-expanded").Within(),
            v => v == "true", "the focus opens article 2's discussion on Bruno's page", Live);
        Assert.True(await Clause(b, 2).Locator("[data-testid=deliberation]").IsVisibleAsync().Within(), "Bruno sees article 2's discussion");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, "projector.png") }).Within();
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, "console.png"), FullPage = true }).Within();

        await Axe.AssertNoSeriousViolationsAsync(a.Page, "the bill page");
        await Axe.AssertNoSeriousViolationsAsync(console, "the console");
        await Axe.AssertNoSeriousViolationsAsync(projector, "the projector");
    }
}
