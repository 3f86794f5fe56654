namespace ParisCoDraft.Web.Tests.Support;

/// <summary>Base for tests that run against a fresh server on a fresh SQLite file.</summary>
public abstract class ServerTest : IAsyncLifetime
{
    private readonly List<Browser> _browsers = [];

    /// <summary>The temp folder holding the database.</summary>
    protected TempDirectory Dir { get; } = new();

    /// <summary>The running server.</summary>
    protected TestServer Server { get; private set; } = null!;

    /// <summary>Settings added to the server's configuration.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The database file.</summary>
    protected string DatabasePath => Dir.File("pariscodraft.db");

    /// <inheritdoc />
    public virtual async Task InitializeAsync() => Server = await TestServer.StartAsync(DatabasePath, Settings);

    /// <summary>Stops the server and starts another on the same database file (browsers keep their cookies).</summary>
    protected async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await TestServer.StartAsync(DatabasePath, Settings);
    }

    /// <summary>A new browser with its own cookie jar, pointed at the current server.</summary>
    protected Browser NewBrowser()
    {
        var b = new Browser(Server.BaseUri);
        _browsers.Add(b);
        return b;
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var b in _browsers) b.Dispose();
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
