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
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre" });
        await submit.ClickAsync().Within().ConfigureAwait(false);
        await ArriveOnBillAsync(page, submit, name).ConfigureAwait(false);
        var bill = new BillPage(page, name);
        await bill.WaitForStatusAsync("connected", TimeSpan.FromSeconds(40)).ConfigureAwait(false);
        return bill;
    }

    /// <summary>
    /// Waits for the bill page (arriving is enough, not its load event, which a busy machine can hold back for
    /// long). The join page says when joining failed; a person whose join timed out on a busy machine presses
    /// "Rejoindre" again, and so does this, once. Any other refusal, or still nothing after 40 s, fails with what
    /// the page showed.
    /// </summary>
    private static async Task ArriveOnBillAsync(IPage page, ILocator submit, string name)
    {
        var formError = page.Locator("#form-error");
        var started = DateTime.UtcNow;
        var retried = false;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(40))
        {
            if (page.Url.Contains("/bills/", StringComparison.Ordinal)) return;
            if (await formError.IsVisibleAsync().Within().ConfigureAwait(false))
            {
                var shown = await formError.InnerTextAsync().Within().ConfigureAwait(false);
                // The network and time-out messages (err.network, err.timeout in i18n.ts): worth a second try.
                var retryable = shown.StartsWith("Le serveur ne répond pas", StringComparison.Ordinal) || shown.StartsWith("Le serveur a mis trop de temps", StringComparison.Ordinal);
                if (retried || !retryable) throw new InvalidOperationException($"{name} could not join: the page says \"{shown}\".");
                Console.WriteLine($"{name}: joining failed once (\"{shown}\" after {(DateTime.UtcNow - started).TotalSeconds:F1} s), pressing \"Rejoindre\" again.");
                retried = true;
                await submit.ClickAsync().Within().ConfigureAwait(false);
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        var button = await submit.IsEnabledAsync().Within().ConfigureAwait(false) ? "enabled" : "disabled (the join call or the navigation still running)";
        throw new TimeoutException($"{name} did not reach the bill in 40 s: still on {page.Url}, no error shown, \"Rejoindre\" {button}.");
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

    /// <summary>Focuses article <paramref name="number"/>'s body and puts the caret at its very end.</summary>
    public async Task PutCaretAtEndOfArticleAsync(int number)
    {
        await ArticleBody(number).ClickAsync().Within().ConfigureAwait(false);
        await Page.Keyboard.PressAsync("Control+End").Within().ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts <paramref name="text"/> at the caret as one input (as a paste or an IME commit does): one edit,
    /// so concurrent typing elsewhere can never land inside it.
    /// </summary>
    public Task InsertAtCaretAsync(string text) => Page.Keyboard.InsertTextAsync(text).Within();

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

    /// <summary>The <paramref name="index"/>-th amendment shown under article <paramref name="number"/> (its discussion must be open).</summary>
    public ILocator Amendment(int number, int index = 0) => Article(number).Locator("[data-testid=amendment]").Nth(index);

    /// <summary>Proposes another wording for article <paramref name="number"/> through its form ("Proposer une autre rédaction").</summary>
    public async Task ProposeAmendmentAsync(int number, string body, string? rationale = null)
    {
        await OpenDiscussionAsync(number).ConfigureAwait(false);
        await Article(number).GetByText("Proposer une autre rédaction").ClickAsync().Within().ConfigureAwait(false);
        await Article(number).GetByLabel("Rédaction proposée").FillAsync(body).Within().ConfigureAwait(false);
        if (rationale is not null) await Article(number).GetByLabel("Exposé des motifs (facultatif)").FillAsync(rationale).Within().ConfigureAwait(false);
        await Article(number).GetByRole(AriaRole.Button, new() { Name = "Déposer l’amendement" }).ClickAsync().Within().ConfigureAwait(false);
    }

    /// <summary>How many live comments the amendment's discussion button counts (replies included).</summary>
    public async Task<int> AmendmentCommentCountAsync(int number, int index = 0)
    {
        var count = await Amendment(number, index).Locator("[data-testid=amendment-discussion-toggle]").GetAttributeAsync("data-count").Within().ConfigureAwait(false);
        return int.Parse(count ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Unfolds an amendment's own discussion (with the keyboard: focus on its button, Enter) unless it is unfolded.</summary>
    public async Task OpenAmendmentDiscussionAsync(int number, int index = 0)
    {
        var amendment = Amendment(number, index);
        var toggle = amendment.Locator("[data-testid=amendment-discussion-toggle]");
        if (await toggle.GetAttributeAsync("aria-expanded").Within().ConfigureAwait(false) != "true")
        {
            await toggle.FocusAsync().Within().ConfigureAwait(false);
            await Page.Keyboard.PressAsync("Enter").Within().ConfigureAwait(false);
        }
        await amendment.Locator("[data-testid=amendment-discussion]").WaitForAsync(new() { State = WaitForSelectorState.Visible }).Within().ConfigureAwait(false);
    }

    /// <summary>Starts a thread on an amendment (its discussion unfolded first).</summary>
    public async Task CommentOnAmendmentAsync(int number, string text, int index = 0)
    {
        await OpenAmendmentDiscussionAsync(number, index).ConfigureAwait(false);
        var form = Amendment(number, index).Locator("[data-testid=amendment-comment-form]");
        await form.GetByLabel("Commenter cet amendement").FillAsync(text).Within().ConfigureAwait(false);
        await form.GetByRole(AriaRole.Button, new() { Name = "Publier le commentaire" }).ClickAsync().Within().ConfigureAwait(false);
    }

    /// <summary>The texts of an amendment's comments in reading order (threads and their replies), " | "-separated.</summary>
    public async Task<string> AmendmentCommentsAsync(int number, int index = 0)
    {
        var bodies = await Amendment(number, index).Locator("[data-testid=amendment-threads] .comment-body").AllTextContentsAsync().Within().ConfigureAwait(false);
        return string.Join(" | ", bodies);
    }

    /// <summary>How many threads article <paramref name="number"/>'s own comment list shows (its amendments' threads excluded).</summary>
    public Task<int> ArticleThreadCountAsync(int number) =>
        Article(number).Locator("[data-testid=threads] > [data-testid=thread]").CountAsync().Within();

    /// <summary>Saves a full-page screenshot under the test's artifacts folder; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        var path = Path.Combine(RepoPaths.Artifacts, fileName);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true }).Within().ConfigureAwait(false);
        return path;
    }
}
