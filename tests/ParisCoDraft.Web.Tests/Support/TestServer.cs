using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParisCoDraft.Web.Hosting;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, with a real SQLite file. Dispose it and start
/// another on the same <see cref="DatabasePath"/> to restart the server.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseUri, string databasePath)
    {
        _app = app;
        BaseUri = baseUri;
        DatabasePath = databasePath;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>The app's log lines (category: message).</summary>
    public static IReadOnlyList<string> LogLines => CapturingLoggerProvider.Lines;

    /// <summary>A service of the running app.</summary>
    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts the app on <paramref name="databasePath"/> with a small web root of fake pages; <paramref name="services"/>
    /// may replace the app's services (registered after the app's own, so they win), e.g. its clock.
    /// </summary>
    public static async Task<TestServer> StartAsync(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dir = Path.GetDirectoryName(databasePath)!;
        var webRoot = Path.Combine(dir, "wwwroot");
        Directory.CreateDirectory(webRoot);
        foreach (var page in new[] { "index.html", "bill.html", "join.html" })
        {
            await File.WriteAllTextAsync(Path.Combine(webRoot, page), $"<!doctype html><title>{page}</title>").Bounded();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = dir });
        var config = new Dictionary<string, string?>
        {
            ["ParisCoDraft:Database"] = databasePath,
            ["ParisCoDraft:WebRoot"] = webRoot,
        };
        if (settings is not null) foreach (var (k, v) in settings) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(new CapturingLoggerProvider());
        builder.AddDrafting();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDrafting();
        await app.StartAsync().Bounded();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new Uri(address + "/"), databasePath);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Bounded(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync().AsTask().Bounded(TimeSpan.FromSeconds(30));
    }
}
