using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Hosting;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scraping endpoint at <see cref="Path"/>, OFF unless
/// <c>ParisCoDraft:Metrics</c> is true. Even then it answers only requests from a loopback address (a scraper
/// on the same machine, or a sidecar), unless <c>ParisCoDraft:MetricsFromAnyAddress</c> is true: the figures
/// say how many people are connected and how busy the server is, which the public need not read. Any other
/// request falls through to the app (404).
/// </summary>
public static class MetricsHostExtensions
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers <see cref="HubMetrics"/> (always) and the exporter (when on).</summary>
    public static WebApplicationBuilder AddDraftingMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubMetrics>();
        if (!builder.Configuration.GetValue<bool>(DraftingOptions.Section + ":" + nameof(DraftingOptions.Metrics))) return builder;
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HubMetrics.MeterName)
            // What the framework measures already: requests, Kestrel and SignalR connections, the runtime.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "System.Runtime")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Serves <see cref="Path"/> when metrics are on.</summary>
    public static WebApplication UseDraftingMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DraftingOptions>>().Value;
        if (!options.Metrics) return app;
        // Created now, so the gauges are there from the first scrape, before any hub call.
        _ = app.Services.GetRequiredService<HubMetrics>();
        var anyAddress = options.MetricsFromAnyAddress;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == Path && MayScrape(http, anyAddress));
        return app;
    }

    /// <summary>Whether this request may read the metrics: from a loopback address, or from any with <paramref name="anyAddress"/>.</summary>
    public static bool MayScrape(HttpContext http, bool anyAddress) =>
        anyAddress || http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
