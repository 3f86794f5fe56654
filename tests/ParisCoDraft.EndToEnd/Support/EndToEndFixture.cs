using Microsoft.Playwright;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>
/// One server process and one headless Chromium (the system's, never a downloaded one) shared by the tests
/// of the collection; each test opens its own browser contexts, one per person.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    /// <summary>Flags that keep Chromium quiet and self-contained in a container.</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> browserLog = new();

    /// <summary>Keeps what a page prints (console, errors) and its failed requests for artifacts/browser.log, written at the end of the run.</summary>
    public void Watch(IPage page, string who)
    {
        page.Console += (_, message) => browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} error: {error}");
        page.RequestFailed += (_, request) => browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) browserLog.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {who} answer {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    /// <summary>The running server.</summary>
    public ServerProcess Server { get; private set; } = null!;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await FrontEndBuild.RunAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        Server = await ServerProcess.StartAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        }).WaitAsync(TimeSpan.FromSeconds(90)).ConfigureAwait(false);
    }

    /// <summary>A fresh browser context (cookies, IndexedDB, service workers of its own) for one person.</summary>
    public async Task<IBrowserContext> NewPersonAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "fr-FR",
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        }).Within().ConfigureAwait(false);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        // Post-mortem material for a failed run: the server's output and what the pages printed.
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Artifacts, "browser.log"), browserLog).ConfigureAwait(false);
        if (Server is not null) await File.WriteAllTextAsync(Path.Combine(RepoPaths.Artifacts, "server.log"), Server.Output).ConfigureAwait(false);
        if (Browser is not null) await Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync().ConfigureAwait(false);
    }
}
