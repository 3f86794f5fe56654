using System.Text.RegularExpressions;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// The README's picture: the demo bill (a server of its own started with ParisCoDraft:Demo=true) with four
/// people present, a comment, stances and the focused article's discussion open, at 1400×1000. Always written
/// to the artifacts; copied to docs/screenshot-bill.png when PCD_UPDATE_SCREENSHOT=1.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ReadmeScreenshotTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"demo invite, (\S+)\s*: (\S+)")]
    private static partial Regex InviteLine();

    [Fact]
    public async Task TheDemoBillPageWithADiscussionOpenIsPhotographedForTheReadme()
    {
        await using var demo = await ServerProcess.StartAsync(TimeSpan.FromSeconds(60), "--ParisCoDraft:Demo=true");
        var invites = await Bounded.Eventually(() => Task.FromResult(InviteLine().Matches(demo.Output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value)),
            d => d.Count >= 4, "the demo invite links printed");

        async Task<BillPage> JoinAsync(string role, string name)
        {
            var context = await fixture.NewPersonAsync();
            return await BillPage.JoinAsync(context, invites[role], name, fixture);
        }
        var f = await JoinAsync("facilitator", "Fatou Diallo");
        var alice = await JoinAsync("citizen", "Alice Martin");
        var bruno = await JoinAsync("elected", "Bruno Lefèvre");
        var chloe = await JoinAsync("civil-servant", "Chloé Bernard");
        try
        {
            await Bounded.Eventually(() => alice.Page.Locator(".presence-item").CountAsync().Within(), n => n == 4, "Alice sees four people", Live);

            // A little deliberation on article 1: a comment, a reply, three stances.
            await bruno.OpenDiscussionAsync(1);
            await bruno.Article(1).Locator("textarea.comment-text").FillAsync("Et le coût d’ouverture le soir ? Il faut le chiffrer avant la séance.").Within();
            await bruno.Article(1).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Commenter l’article" }).ClickAsync().Within();
            foreach (var (p, stance, reason) in new[] { (alice, "agree", (string?)null), (bruno, "reservations", "Sous réserve du chiffrage."), (chloe, "agree", null) })
            {
                await p.OpenDiscussionAsync(1);
                await p.Article(1).Locator($"input[type=radio][value='{stance}']").CheckAsync().Within();
                if (reason is not null) await p.Article(1).Locator("textarea[id$='-reason']").FillAsync(reason).Within();
                await p.Article(1).Locator(".stance-form button[type=submit]").ClickAsync().Within();
            }
            await Bounded.Eventually(() => alice.Article(1).Locator("[data-testid=clause-state]").GetAttributeAsync("data-state").Within(),
                s => s == "consensus", "Alice sees consensus on article 1", Live);

            // The facilitator brings the room to article 1: Alice's page opens its discussion.
            var first = await f.Page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[0].id").Within();
            await f.Page.EvaluateAsync("id => window.pariscodraft.deliberation.session$('SetFocus', id)", first).Within();
            await Bounded.Eventually(() => alice.Article(1).Locator("[data-testid=delib-toggle]").GetAttributeAsync("aria-expanded").Within(), v => v == "true",
                "the focus opens article 1's discussion", Live);

            await alice.Page.SetViewportSizeAsync(1400, 1000).Within();
            // As the focus left it: article 1 at the top, under the bar, its discussion open.
            await alice.Page.EvaluateAsync("() => { document.activeElement?.blur(); document.querySelector('li.clause').scrollIntoView({ block: 'start' }); }").Within();
            await Task.Delay(400);
            var path = Path.Combine(RepoPaths.Artifacts, "screenshot-bill.png");
            await alice.Page.ScreenshotAsync(new() { Path = path, FullPage = false }).Within();
            var size = new FileInfo(path).Length;
            Assert.True(size < 400_000, $"the screenshot is {size} bytes");
            if (Environment.GetEnvironmentVariable("PCD_UPDATE_SCREENSHOT") == "1")
            {
                File.Copy(path, Path.Combine(RepoPaths.Root, "docs", "screenshot-bill.png"), overwrite: true);
            }
        }
        finally
        {
            foreach (var p in new[] { f, alice, bruno, chloe }) await p.Page.Context.DisposeAsync();
        }
    }
}
