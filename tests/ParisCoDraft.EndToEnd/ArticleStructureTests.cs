using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>Moving, splitting and merging articles, seen by a second person.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ArticleStructureTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task MovingSplittingAndMergingArticlesRenumbersThemForEveryone()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Propreté des rues", "Fatou Animatrice");
        await using var alice = await fixture.NewPersonAsync();
        await using var bruno = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var b = await BillPage.JoinAsync(bruno, bill.InviteFor("elected"), "Bruno Élu", fixture);

        await a.AddArticleAsync();
        await a.TypeInArticleAsync(1, "Premier.");
        await a.AddArticleAsync();
        await a.TypeInArticleAsync(2, "Second.");
        await Bounded.Eventually(b.ArticlesAsync, t => t == "Premier. | Second.", "Bruno sees two articles");

        await a.ClickArticleActionAsync(1, "move-down");
        await Bounded.Eventually(b.ArticlesAsync, t => t == "Second. | Premier.", "Bruno sees the move");

        // Caret after "Sec" in article 1, then split there.
        await a.ArticleBody(1).ClickAsync().Within();
        await a.Page.Keyboard.PressAsync("Control+Home").Within();
        for (var i = 0; i < 3; i++) await a.Page.Keyboard.PressAsync("ArrowRight").Within();
        await a.ClickArticleActionAsync(1, "split");
        await Bounded.Eventually(b.ArticlesAsync, t => t == "Sec | ond. | Premier.", "Bruno sees the split");

        await a.ClickArticleActionAsync(1, "merge");
        await Bounded.Eventually(b.ArticlesAsync, t => t == "Sec\n\nond. | Premier.", "Bruno sees the merge");
        Assert.Equal(2, await b.ArticleCountAsync());
        Assert.Equal("Article 2", await b.Page.Locator("li.clause[data-number='2'] h3").TextContentAsync().Within());
    }
}
