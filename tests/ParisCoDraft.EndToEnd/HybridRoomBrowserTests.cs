using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;
using static ParisCoDraft.EndToEnd.Support.KeyboardOnly;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// The hybrid room and accessibility in real browsers: a remote participant who does everything with the
/// keyboard (join, edit, comment a selection, stance with reason, amendment, hand, vote) while the projector
/// and the console follow; and every page at 360 px in French and English under axe-core.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HybridRoomBrowserTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ARemoteParticipantUsingOnlyTheKeyboardJoinsEditsCommentsGivesAStanceProposesRaisesAHandSeenOnTheProjectorAndVotes()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var remoteContext = await fixture.NewPersonAsync();
        var f = await BillPage.JoinAsync(facilitatorContext, bill.InviteFor("facilitator"), "Fatou Animatrice", fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Objet', 'La Ville crée des îlots de fraîcheur.')").Within();
        var projector = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(projector, "projector");
        await projector.GotoAsync($"/bills/{bill.BillId}/projector").Within();
        var console = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(console, "console");
        await console.GotoAsync($"/bills/{bill.BillId}/console").Within();

        // Join: name, "À distance" (arrow key in the radio group), submit: keyboard only.
        var page = await remoteContext.NewPageAsync().Within();
        fixture.Watch(page, "remote");
        await page.GotoAsync(bill.InviteFor("citizen")).Within();
        await TabToAsync(page, "e => e.id === 'display-name'", "the name field");
        await page.Keyboard.TypeAsync("Alice à distance").Within();
        await TabToAsync(page, "e => e.name === 'attendance'", "the attendance choice");
        await page.Keyboard.PressAsync("ArrowDown").Within();
        Assert.True(await page.Locator("#join-attendance-remote").IsCheckedAsync().Within(), "the arrow key chose 'À distance'");
        await TabToAsync(page, "e => e.id === 'join-submit'", "the join button");
        await page.Keyboard.PressAsync("Enter").Within();
        await page.WaitForURLAsync("**/bills/**", new() { Timeout = 40_000, WaitUntil = WaitUntilState.Commit }).Within(TimeSpan.FromSeconds(45));
        var a = new BillPage(page, "Alice");
        await a.WaitForStatusAsync("connected", TimeSpan.FromSeconds(40));
        await Bounded.Eventually(a.ArticleCountAsync, n => n == 1, "Alice sees the article", Live);
        await Bounded.Eventually(() => console.Locator("[data-testid=attendance]").InnerTextAsync().Within(),
            t => t.Contains("Alice à distance — à distance", StringComparison.Ordinal), "the console lists Alice as remote", Live);

        // Edit the article: Tab into its text, go to the end, type.
        await TabToAsync(page, "e => e.classList.contains('cm-content') && !!e.closest('.clause-body')", "article 1's text");
        await page.Keyboard.PressAsync("Control+End").Within();
        await page.Keyboard.TypeAsync(" Avec des arbres.").Within();
        await Bounded.Eventually(() => f.ArticleTextAsync(1), t => t.EndsWith("Avec des arbres.", StringComparison.Ordinal), "the facilitator has Alice's edit", Live);

        // Comment a selection: select "des arbres" with Shift+arrows, Tab to the comment form, write, "Commenter le passage sélectionné".
        await page.Keyboard.PressAsync("ArrowLeft").Within();
        for (var i = 0; i < "des arbres".Length; i++) await page.Keyboard.PressAsync("Shift+ArrowLeft").Within();
        await TabToAsync(page, "e => e.getAttribute('aria-expanded') !== null && e.dataset.testid === 'delib-toggle'", "the discussion button");
        await page.Keyboard.PressAsync("Enter").Within();
        await TabToAsync(page, "e => e.classList.contains('comment-text')", "the comment field");
        await page.Keyboard.TypeAsync("Lesquels ? Des essences locales.").Within();
        await TabToAsync(page, Named("Commenter le passage sélectionné"), "the comment-on-selection button");
        await page.Keyboard.PressAsync("Enter").Within();
        await Bounded.Eventually(() => f.Page.EvaluateAsync<string>("() => [...window.pariscodraft.deliberation.comments.values()].map(c => c.quote ?? c.anchor?.quote ?? '').join('|')").Within(),
            q => q.Contains("des arbres", StringComparison.Ordinal), "the comment holds the selected passage", Live);

        // A stance with a reason: arrow keys in the stance group, the reason, submit.
        // Shift+Tab enters the group on its last choice; the arrow keys move and choose, as in any radio group.
        await TabToAsync(page, "e => e.type === 'radio' && e.name.startsWith('stance-')", "the stance choice", backwards: true);
        for (var i = 0; i < 4 && await page.EvaluateAsync<string>("() => document.activeElement.value").Within() != "reservations"; i++)
        {
            await page.Keyboard.PressAsync("ArrowUp").Within();
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.value === 'reservations' && document.activeElement.checked").Within(), "'reservations' chosen with the arrow keys");
        await TabToAsync(page, "e => e.tagName === 'TEXTAREA' && e.id.endsWith('-reason')", "the reason field");
        await page.Keyboard.TypeAsync("Sous réserve du budget d'entretien.").Within();
        await TabToAsync(page, "e => e.type === 'submit' && !!e.closest('.stance-form')", "the stance button");
        await page.Keyboard.PressAsync("Enter").Within();
        await Bounded.Eventually(() => f.Page.EvaluateAsync<string>("() => [...window.pariscodraft.deliberation.stances.values()].map(s => s.stance + ':' + s.reason).join('|')").Within(),
            s => s == "reservations:Sous réserve du budget d'entretien.", "the facilitator sees Alice's reasoned stance", Live);

        // An amendment: open the form, the wording, submit.
        await TabToAsync(page, Named("Proposer une autre rédaction"), "the amendment button");
        await page.Keyboard.PressAsync("Enter").Within();
        await TabToAsync(page, "e => e.tagName === 'TEXTAREA' && e.labels && [...e.labels].some(l => l.textContent.includes('Rédaction proposée'))", "the wording field");
        await page.Keyboard.PressAsync("Control+A").Within();
        await page.Keyboard.TypeAsync("La Ville plante des arbres d'essences locales.").Within();
        await TabToAsync(page, Named("Déposer l’amendement"), "the table-amendment button");
        await page.Keyboard.PressAsync("Enter").Within();
        await Bounded.Eventually(() => f.Page.EvaluateAsync<int>("() => window.pariscodraft.deliberation.amendments.size").Within(), n => n == 1, "the amendment reaches the facilitator", Live);

        // The raised hand reaches the projector, marked remote; the console gives the floor; Alice hears it.
        await TabToAsync(page, "e => e.dataset.testid === 'raise-hand'", "the raise-hand button", backwards: true, maxPresses: 300);
        await page.Keyboard.PressAsync("Enter").Within();
        await Bounded.Eventually(() => projector.Locator("[data-testid=projector-room] [data-testid=hands]").InnerTextAsync().Within(),
            t => t.Contains("1. Alice à distance (à distance)", StringComparison.Ordinal), "the projector shows Alice's raised hand", Live);
        Assert.Equal("true", await page.Locator("[data-testid=raise-hand]").GetAttributeAsync("aria-pressed").Within());
        await console.GetByRole(AriaRole.Button, new() { Name = "Donner la parole à Alice à distance" }).ClickAsync().Within();
        await Bounded.Eventually(() => projector.Locator("[data-testid=projector-room] [data-testid=room-floor]").InnerTextAsync().Within(),
            t => t == "Parole : Alice à distance (à distance)", "the projector shows who has the floor", Live);
        await Bounded.Eventually(() => page.Locator("[data-testid=room-place]").InnerTextAsync().Within(), t => t == "Vous avez la parole.", "Alice is told she has the floor", Live);
        await Bounded.Eventually(() => page.Locator("#announcer").InnerTextAsync().Within(), t => t.Contains("a la parole", StringComparison.Ordinal), "the floor is announced politely", Live);

        // A round on the article counts the remote stances on its current text, on the projector.
        await console.Locator("[data-testid=open-round]").First.ClickAsync().Within();
        await Bounded.Eventually(() => projector.Locator("[data-testid=projector-remote-stances]").InnerTextAsync().Within(),
            t => t == "Positions à distance : 1 sur 1", "the projector counts Alice's remote stance", Live);

        // The facilitator edits: Alice hears it once, politely; her stance is now on an older text, so the round waits for her again.
        await f.PutCaretAtEndOfArticleAsync(1);
        await f.InsertAtCaretAsync(" Dès 2026.");
        await Bounded.Eventually(() => page.Locator("[data-testid=remote-announcer]").InnerTextAsync().Within(),
            t => t == "Article 1 modifié par Fatou Animatrice.", "Alice hears the facilitator's edit", Live);
        Assert.Equal("polite", await page.Locator("[data-testid=remote-announcer]").GetAttributeAsync("aria-live").Within());
        // The facilitator's caret in Alice's editor carries an accessible name.
        await page.Locator(".cm-ySelectionCaret[role=img][aria-label='Curseur de Fatou Animatrice']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached }).Within(Live);
        await Bounded.Eventually(() => projector.Locator("[data-testid=projector-remote-stances]").InnerTextAsync().Within(),
            t => t == "Positions à distance : 0 sur 1 — En attente de : Alice à distance", "the projector shows the remote stance awaited", Live);

        // The vote: the facilitator opens it; Alice approves with the keyboard.
        await f.Page.EvaluateAsync("() => window.pariscodraft.deliberation.session$('CloseRound').then(() => window.pariscodraft.deliberation.session$('OpenVote'))").Within();
        await page.GetByRole(AriaRole.Button, new() { Name = "J’approuve le texte" }).WaitForAsync().Within(Live);
        await TabToAsync(page, Named("J’approuve le texte"), "the approve button", backwards: true, maxPresses: 300);
        await page.Keyboard.PressAsync("Enter").Within();
        await Bounded.Eventually(() => f.Page.EvaluateAsync<int>("() => window.pariscodraft.deliberation.session.vote?.ballots.filter(b => b.approves).length ?? 0").Within(),
            n => n == 1, "Alice's ballot is cast", Live);

        await Axe.AssertNoSeriousViolationsAsync(projector, "the projector with the floor and a round");
    }

    [Fact]
    public async Task EveryPageAt360PixelsInFrenchAndEnglishHasNoSeriousAxeViolationAndNoSidewaysScroll()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        await using var context = await fixture.NewPersonAsync();
        var f = await BillPage.JoinAsync(context, bill.InviteFor("facilitator"), "Fatou Animatrice", fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Objet', 'La Ville crée des îlots de fraîcheur dans chaque arrondissement, avec des arbres.')").Within();
        await f.Page.EvaluateAsync("() => window.pariscodraft.deliberation.session$('RaiseHand', true)").Within();
        await f.Page.SetViewportSizeAsync(360, 740).Within();
        var page = f.Page;
        var paths = new[] { "", "/console", "/projector", "/versions", "/ideas", "/review" }.Select(p => $"/bills/{bill.BillId}{p}")
            .Append(new Uri(bill.InviteFor("observer")).PathAndQuery).Append("/");
        foreach (var lang in new[] { "fr", "en" })
        {
            await page.EvaluateAsync("l => localStorage.setItem('pcd.lang', l)", lang).Within();
            foreach (var path in paths)
            {
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.DOMContentLoaded }).Within();
                await Bounded.Eventually(() => page.EvaluateAsync<bool>("() => !document.getElementById('loading') || document.getElementById('loading').hidden").Within(),
                    ready => ready, $"{path} loaded", Live);
                Assert.Equal(lang, await page.EvaluateAsync<string>("() => document.documentElement.lang").Within());
                var overflow = await page.EvaluateAsync<string>(@"() => {
                    const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w) return '';
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                        .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');
                }").Within();
                Assert.True(overflow.Length == 0, $"{path} in {lang} scrolls sideways at 360 px: {overflow}");
                await Axe.AssertNoSeriousViolationsAsync(page, $"{path} in {lang} at 360 px");
            }
        }
    }
}
