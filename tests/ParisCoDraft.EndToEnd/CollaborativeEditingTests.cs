using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>People editing one bill in real browsers against the real server.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CollaborativeEditingTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ThreePeopleTypingAtOnceInOneArticleAllSeeTheSameTextWhichSurvivesAReload()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Îlots de fraîcheur", "Fatou Animatrice");
        await using var alice = await fixture.NewPersonAsync();
        await using var bruno = await fixture.NewPersonAsync();
        await using var chloe = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var b = await BillPage.JoinAsync(bruno, bill.InviteFor("elected"), "Bruno Élu", fixture);
        var c = await BillPage.JoinAsync(chloe, bill.InviteFor("civil-servant"), "Chloé Services", fixture);

        await a.AddArticleAsync();
        await Bounded.Eventually(b.ArticleCountAsync, n => n == 1, "Bruno sees the article");
        await Bounded.Eventually(c.ArticleCountAsync, n => n == 1, "Chloé sees the article");

        string[] typed = ["Alice écrit ici. ", "Bruno ajoute ceci. ", "Chloé complète. "];
        await Task.WhenAll(
            a.TypeInArticleAsync(1, typed[0]),
            b.TypeInArticleAsync(1, typed[1]),
            c.TypeInArticleAsync(1, typed[2])).Within(TimeSpan.FromSeconds(60));

        var expectedLength = typed.Sum(t => t.Length);
        var final = await Bounded.Eventually(
            async () => string.Join("\u0001", [await a.ArticleTextAsync(1), await b.ArticleTextAsync(1), await c.ArticleTextAsync(1)]),
            all => all.Split('\u0001').Distinct().Count() == 1 && all.Split('\u0001')[0].Length == expectedLength,
            "the three texts converge", Converge);
        var text = final.Split('\u0001')[0];
        Assert.Equal(string.Concat(string.Concat(typed).Order()), string.Concat(text.Order()));

        foreach (var person in new[] { a, b, c })
        {
            await Bounded.Eventually(person.PendingAsync, n => n == 0, $"{person.Name}'s edits acknowledged");
        }
        await a.ScreenshotAsync("bill-page-three-people.png");

        await b.Page.ReloadAsync().Within();
        await b.WaitForStatusAsync("connected");
        Assert.Equal(text, await Bounded.Eventually(() => b.ArticleTextAsync(1), t => t == text, "Bruno's text after reloading"));

        // A newcomer with an empty browser gets the text from the server alone.
        await using var david = await fixture.NewPersonAsync();
        var d = await BillPage.JoinAsync(david, bill.InviteFor("citizen"), "David Nouveau", fixture);
        Assert.Equal(text, await Bounded.Eventually(() => d.ArticleTextAsync(1), t => t == text, "David's text"));
    }

    [Fact]
    public async Task EditsMadeOfflineSurviveAReloadAndMergeWhenBackOnline()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Mobilités douces", "Fatou Animatrice");
        await using var alice = await fixture.NewPersonAsync();
        await using var bruno = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        var b = await BillPage.JoinAsync(bruno, bill.InviteFor("elected"), "Bruno Élu", fixture);
        await a.AddArticleAsync();
        await a.TypeInArticleAsync(1, "Base commune.");
        await Bounded.Eventually(() => b.ArticleTextAsync(1), t => t == "Base commune.", "Bruno sees the base text");
        await Bounded.Eventually(a.ServiceWorkerStateAsync, st => st.Contains("\"activated\"") && st.Contains("/bill.html") && st.Contains("/dist/bill.js"), "Alice's service worker active with the bill page cached");
        await Bounded.Eventually(a.PendingAsync, n => n == 0, "Alice's base text acknowledged");

        await alice.SetOfflineAsync(true).Within();
        await a.WaitForStatusAsync("offline");
        await a.TypeInArticleAsync(1, " Écrit hors ligne.");
        await b.TypeInArticleAsync(1, " Écrit en ligne.");
        Assert.True(await a.PendingAsync() > 0, "offline edits are counted as unsynchronised");

        await a.Page.ReloadAsync().Within();
        await a.WaitForStatusAsync("offline");
        Assert.Contains("Écrit hors ligne.", await Bounded.Eventually(() => a.ArticleTextAsync(1), t => t.Contains("hors ligne", StringComparison.Ordinal), "Alice's offline edit after reloading offline"));
        Assert.True(await a.PendingAsync() > 0, "the unsynchronised count survives the reload");
        Assert.DoesNotContain("hors ligne", await b.ArticleTextAsync(1), StringComparison.Ordinal);

        await alice.SetOfflineAsync(false).Within();
        await a.WaitForStatusAsync("connected", TimeSpan.FromSeconds(30));
        var merged = await Bounded.Eventually(
            async () => (await a.ArticleTextAsync(1), await b.ArticleTextAsync(1)),
            t => t.Item1 == t.Item2 && t.Item1.Contains("hors ligne", StringComparison.Ordinal) && t.Item1.Contains("en ligne", StringComparison.Ordinal),
            "both edits merged on both sides", Converge);
        Assert.StartsWith("Base commune.", merged.Item1, StringComparison.Ordinal);
        await Bounded.Eventually(a.PendingAsync, n => n == 0, "Alice's offline edits acknowledged");
        await a.ScreenshotAsync("bill-page-after-offline-merge.png");
    }

    [Fact]
    public async Task AnObserverCannotChangeTheText()
    {
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, "Budget participatif", "Fatou Animatrice");
        await using var alice = await fixture.NewPersonAsync();
        await using var olga = await fixture.NewPersonAsync();
        var a = await BillPage.JoinAsync(alice, bill.InviteFor("citizen"), "Alice Citoyenne", fixture);
        await a.AddArticleAsync();
        await a.TypeInArticleAsync(1, "Texte établi.");
        var o = await BillPage.JoinAsync(olga, bill.InviteFor("observer"), "Olga Observatrice", fixture);
        await Bounded.Eventually(() => o.ArticleTextAsync(1), t => t == "Texte établi.", "Olga sees the text");

        Assert.True(await o.Page.Locator("#readonly-note").IsVisibleAsync().Within(), "the read-only reason is shown");
        Assert.Equal(0, await o.Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un article", Exact = true }).CountAsync().Within());
        Assert.Equal("true", await o.ArticleBody(1).GetAttributeAsync("aria-readonly").Within());

        await o.ArticleBody(1).ClickAsync().Within();
        await o.Page.Keyboard.TypeAsync("intrusion").Within();
        await o.Page.Keyboard.PressAsync("Backspace").Within();
        await Task.Delay(1000);

        Assert.Equal("Texte établi.", await o.ArticleTextAsync(1));
        Assert.Equal("Texte établi.", await a.ArticleTextAsync(1));
        Assert.Equal(0, await o.PendingAsync());
    }
}
