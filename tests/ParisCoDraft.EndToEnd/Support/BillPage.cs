using System.Text.Json;
using Microsoft.Playwright;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>One person on a bill page: what they see and what they do, in the page's own terms.</summary>
public sealed class BillPage(IPage page, string name)
{
    /// <summary>The browser tab.</summary>
    public IPage Page { get; } = page;

    /// <summary>Who this is, for failure messages.</summary>
    public string Name { get; } = name;

    /// <summary>Opens an invite link in a new tab of <paramref name="context"/>, gives a name, lands on the bill.</summary>
    public static async Task<BillPage> JoinAsync(IBrowserContext context, string inviteUrl, string name, EndToEndFixture? watcher = null)
    {
        var page = await context.NewPageAsync().Within().ConfigureAwait(false);
        watcher?.Watch(page, name);
        await page.GotoAsync(inviteUrl).Within().ConfigureAwait(false);
        await page.GetByLabel("Votre nom").FillAsync(name).Within().ConfigureAwait(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" }).ClickAsync().Within().ConfigureAwait(false);
        // The first join of a run also installs the service worker and warms the server up: allow more.
        await page.WaitForURLAsync("**/bills/**", new() { Timeout = 40_000 }).Within(TimeSpan.FromSeconds(45)).ConfigureAwait(false);
        var bill = new BillPage(page, name);
        await bill.WaitForStatusAsync("connected", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return bill;
    }

    /// <summary>Waits for the connection indicator to show a state (connected, offline, reconnecting…).</summary>
    public Task WaitForStatusAsync(string status, TimeSpan? limit = null) =>
        Page.Locator($"#status[data-status='{status}']").WaitForAsync(new() { Timeout = (float)(limit ?? Bounded.Step).TotalMilliseconds }).Within((limit ?? Bounded.Step) + TimeSpan.FromSeconds(1));

    /// <summary>The number shown as "N modifications non synchronisées".</summary>
    public async Task<int> PendingAsync()
    {
        var text = await Page.Locator("[data-testid=pending-count]").GetAttributeAsync("data-count").Within().ConfigureAwait(false);
        return int.Parse(text ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many articles the page shows.</summary>
    public Task<int> ArticleCountAsync() => Page.Locator("li.clause").CountAsync().Within();

    /// <summary>The body text of article <paramref name="number"/>, read from the page's Y.Doc (not scraped: carets carry names).</summary>
    public async Task<string> ArticleTextAsync(int number)
    {
        var json = await Page.EvaluateAsync<JsonElement>(
            "n => { const a = window.pariscodraft?.model.list().active[n - 1]; return a ? a.body.toString() : null; }", number).Within().ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.String ? json.GetString()! : "<no such article>";
    }

    /// <summary>The body editor of article <paramref name="number"/>.</summary>
    public ILocator ArticleBody(int number) => Page.Locator($"li.clause[data-number='{number}'] .clause-body .cm-content");

    /// <summary>Article <paramref name="number"/>'s card.</summary>
    public ILocator Article(int number) => Page.Locator($"li.clause[data-number='{number}']");

    /// <summary>Opens article <paramref name="number"/>'s discussion (stance, matrix, comments, amendments) unless it is open.</summary>
    public async Task OpenDiscussionAsync(int number)
    {
        var toggle = Article(number).Locator("[data-testid=delib-toggle]");
        if (await toggle.GetAttributeAsync("aria-expanded").Within().ConfigureAwait(false) != "true")
        {
            await toggle.ClickAsync().Within().ConfigureAwait(false);
        }
        await Article(number).Locator("[data-testid=deliberation]").WaitForAsync().Within().ConfigureAwait(false);
    }

    /// <summary>Clicks "Ajouter un article" and waits for it to appear.</summary>
    public async Task AddArticleAsync()
    {
        var before = await ArticleCountAsync().ConfigureAwait(false);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un article", Exact = true }).ClickAsync().Within().ConfigureAwait(false);
        await Bounded.Eventually(ArticleCountAsync, n => n == before + 1, $"{Name}'s new article").ConfigureAwait(false);
    }

    /// <summary>Puts the caret at the end of article <paramref name="number"/>'s body and types, key by key.</summary>
    public async Task TypeInArticleAsync(int number, string text, int delayMs = 15)
    {
        var body = ArticleBody(number);
        await body.ClickAsync().Within().ConfigureAwait(false);
        await Page.Keyboard.PressAsync("Control+End").Within().ConfigureAwait(false);
        await Page.Keyboard.TypeAsync(text, new() { Delay = delayMs }).Within(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    }

    /// <summary>Clicks one of an article's actions (move-up, move-down, insert-after, split, merge, withdraw).</summary>
    public Task ClickArticleActionAsync(int number, string action) =>
        Page.Locator($"li.clause[data-number='{number}'] button.{action}").ClickAsync().Within();

    /// <summary>The bodies of all articles, in article order.</summary>
    public async Task<string> ArticlesAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>(
            "() => window.pariscodraft.model.list().active.map(a => a.body.toString()).join(' | ')").Within().ConfigureAwait(false);
        return json.GetString() ?? "";
    }

    /// <summary>True once the page's service worker controls it (needed to reload while offline).</summary>
    public Task<string> ServiceWorkerStateAsync() =>
        Page.EvaluateAsync<string>(@"async () => {
            const r = await navigator.serviceWorker.getRegistration();
            if (!r) return 'no registration';
            const cache = await caches.open('pcd-shell-v1');
            const cached = (await cache.keys()).map(k => new URL(k.url).pathname).sort();
            return JSON.stringify({ active: r.active?.state, controlled: !!navigator.serviceWorker.controller, cached });
        }").Within();

    /// <summary>Saves a full-page screenshot under the test's artifacts folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        var path = Path.Combine(RepoPaths.Artifacts, fileName);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true }).Within().ConfigureAwait(false);
        return path;
    }
}
