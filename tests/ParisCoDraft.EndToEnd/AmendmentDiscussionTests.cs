using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// An amendment's own discussion in real browsers: a citizen proposes, an elected official comments on the
/// amendment, the citizen sees it live and replies; the article's own thread stays empty; an observer reads
/// without a form (and the server refuses her comment); a reload shows the same thread; the thread is
/// resolved and the facilitator hides the reply, live; axe-core passes with the thread open.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AmendmentDiscussionTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    private static Task<bool> HasFocusAsync(ILocator locator) => locator.EvaluateAsync<bool>("e => e === document.activeElement").Within();

    [Fact]
    public async Task AnAmendmentHasItsOwnLiveThreadApartFromTheArticlesThatSurvivesAReload()
    {
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var electedContext = await fixture.NewPersonAsync();
        await using var observerContext = await fixture.NewPersonAsync();
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        var f = await BillPage.JoinAsync(facilitatorContext, bill.InviteFor("facilitator"), "Fatou Animatrice", fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Objet', 'La Ville crée des îlots de fraîcheur.')").Within();
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the article stored", Live);
        var a = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var b = await BillPage.JoinAsync(electedContext, bill.InviteFor("elected"), "Bruno Élu", fixture);
        var o = await BillPage.JoinAsync(observerContext, bill.InviteFor("observer"), "Olga Observatrice", fixture);
        foreach (var p in new[] { a, b, o }) await Bounded.Eventually(p.ArticleCountAsync, n => n == 1, $"{p.Name} sees the article", Live);

        // Alice proposes another wording; Bruno sees it arrive with an empty discussion.
        await a.ProposeAmendmentAsync(1, "La Ville crée un îlot de fraîcheur dans chaque quartier.", "Un par quartier, pour l’équité.");
        await b.OpenDiscussionAsync(1);
        await b.Amendment(1).WaitForAsync().Within(Live);
        Assert.Equal(0, await b.AmendmentCommentCountAsync(1));
        await b.OpenAmendmentDiscussionAsync(1);
        Assert.Equal("Pas encore de commentaire sur cet amendement.", (await b.Amendment(1).Locator("[data-testid=amendment-threads]").TextContentAsync().Within())?.Trim());

        // Bruno comments on the amendment; Alice's count grows live and she unfolds the thread to read it.
        const string question = "Qui finance l’entretien dans les quartiers sans parc ?";
        await b.CommentOnAmendmentAsync(1, question);
        await Bounded.Eventually(() => a.AmendmentCommentCountAsync(1), n => n == 1, "Alice sees one comment on the amendment", Live);
        await a.OpenAmendmentDiscussionAsync(1);
        Assert.Equal("true", await a.Amendment(1).Locator("[data-testid=amendment-discussion-toggle]").GetAttributeAsync("aria-expanded").Within());
        await Bounded.Eventually(() => a.AmendmentCommentsAsync(1), t => t == question, "Alice reads Bruno's comment on the amendment", Live);

        // She replies from the keyboard; Bruno sees the reply live, under his comment.
        const string answer = "Le budget participatif, comme pour les cours Oasis.";
        var reply = a.Amendment(1).GetByRole(AriaRole.Button, new() { Name = "Répondre à Bruno Élu" });
        await reply.FocusAsync().Within();
        await a.Page.Keyboard.PressAsync("Enter").Within();
        var replyText = a.Amendment(1).GetByLabel("Répondre à Bruno Élu", new() { Exact = true }).And(a.Page.Locator("textarea"));
        Assert.True(await HasFocusAsync(replyText), "the reply box has the focus");
        await a.Page.Keyboard.TypeAsync(answer).Within();
        await a.Amendment(1).Locator(".reply-form button[type=submit]").ClickAsync().Within();
        await Bounded.Eventually(() => b.AmendmentCommentsAsync(1), t => t == question + " | " + answer, "Bruno sees Alice's reply live", Live);
        await Bounded.Eventually(() => a.AmendmentCommentsAsync(1), t => t == question + " | " + answer, "Alice sees her reply in the thread", Live);
        await Bounded.Eventually(() => HasFocusAsync(a.Amendment(1).GetByRole(AriaRole.Button, new() { Name = "Répondre à Bruno Élu" })), x => x,
            "after posting, the focus is back on « Répondre »", Live);
        Assert.Equal(1, await a.Amendment(1).Locator("[data-testid=amendment-threads] .replies .comment-body").CountAsync().Within());
        Assert.Equal(2, await b.AmendmentCommentCountAsync(1));

        // The article's own discussion holds none of it.
        foreach (var p in new[] { a, b })
        {
            Assert.Equal(0, await p.ArticleThreadCountAsync(1));
            Assert.Equal("0", await p.Article(1).Locator("[data-testid=comment-count]").GetAttributeAsync("data-count").Within());
        }

        // Olga reads the thread but has no form, no reply button; the server refuses her comment anyway.
        await o.OpenDiscussionAsync(1);
        await Bounded.Eventually(() => o.AmendmentCommentCountAsync(1), n => n == 2, "Olga sees two comments on the amendment", Live);
        await o.OpenAmendmentDiscussionAsync(1);
        Assert.Equal(question + " | " + answer, await o.AmendmentCommentsAsync(1));
        Assert.Equal(0, await o.Amendment(1).Locator("[data-testid=amendment-comment-form]").CountAsync().Within());
        Assert.Equal(0, await o.Amendment(1).GetByRole(AriaRole.Button, new() { Name = "Répondre à Bruno Élu" }).CountAsync().Within());
        var amendmentId = await o.Amendment(1).GetAttributeAsync("data-amendment-id").Within();
        var refusal = await o.Page.EvaluateAsync<string>(
            "id => window.pariscodraft.deliberation.addComment({ amendmentId: id, body: 'Je voudrais parler.' }).then(() => 'accepted', e => String(e))", amendmentId).Within();
        Assert.Contains("forbidden", refusal, StringComparison.Ordinal);
        Assert.Equal(2, await a.AmendmentCommentCountAsync(1));

        // After a reload, Alice finds the thread as it was, still apart from the article's.
        await a.Page.ReloadAsync().Within();
        await a.WaitForStatusAsync("connected");
        await a.OpenDiscussionAsync(1);
        await Bounded.Eventually(() => a.AmendmentCommentCountAsync(1), n => n == 2, "Alice's reloaded page counts two comments on the amendment", Live);
        await a.OpenAmendmentDiscussionAsync(1);
        Assert.Equal(question + " | " + answer, await a.AmendmentCommentsAsync(1));
        Assert.Equal(1, await a.Amendment(1).Locator("[data-testid=amendment-threads] .replies .comment-body").CountAsync().Within());
        Assert.Equal(0, await a.ArticleThreadCountAsync(1));

        // Bruno resolves his thread and the facilitator hides the reply: Alice's page follows, the count drops.
        await b.Amendment(1).GetByRole(AriaRole.Button, new() { Name = "Marquer comme résolu — Bruno Élu" }).ClickAsync().Within();
        await Bounded.Eventually(() => a.Amendment(1).Locator("[data-testid=amendment-threads] > .thread.resolved").CountAsync().Within(), n => n == 1,
            "Alice sees Bruno's thread resolved", Live);
        await f.OpenDiscussionAsync(1);
        await f.OpenAmendmentDiscussionAsync(1);
        await f.Amendment(1).GetByRole(AriaRole.Button, new() { Name = "Masquer le commentaire de Alice Citoyenne" }).ClickAsync().Within();
        var hide = f.Page.GetByRole(AriaRole.Dialog, new() { Name = "Masquer le commentaire de Alice Citoyenne", Exact = true });
        await hide.GetByLabel("Motif du masquage").FillAsync("Doublon").Within();
        await hide.GetByRole(AriaRole.Button, new() { Name = "Masquer", Exact = true }).ClickAsync().Within();
        await Bounded.Eventually(() => a.AmendmentCommentsAsync(1), t => t == question + " | Commentaire masqué par Fatou Animatrice (l’animation) : Doublon",
            "Alice sees her reply hidden, with the reason", Live);
        await Bounded.Eventually(() => a.AmendmentCommentCountAsync(1), n => n == 1, "the amendment's count leaves the hidden reply out", Live);

        await a.ScreenshotAsync("amendment-discussion.png");
        await Axe.AssertNoSeriousViolationsAsync(a.Page, "the bill page with an amendment's discussion open");
    }
}
