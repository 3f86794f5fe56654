using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ParisCoDraft.Storage;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Deliberation;
using ParisCoDraft.Web.Demo;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Hubs;
using ParisCoDraft.Web.Security;
using ParisCoDraft.Web.Versions;

namespace ParisCoDraft.Web.Hosting;

/// <summary>The composition root: <c>builder.AddDrafting()</c> and <c>app.MapDrafting()</c>.</summary>
public static class DraftingHostExtensions
{
    /// <summary>Registers the store, the documents, the hub and the options.</summary>
    public static WebApplicationBuilder AddDrafting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DraftingOptions>().Bind(builder.Configuration.GetSection(DraftingOptions.Section));
        services.AddSingleton(TimeProvider.System);

        if (builder.Configuration[DraftingOptions.Section + ":" + nameof(DraftingOptions.Postgres)] is { Length: > 0 } postgres)
        {
            // PostgreSQL: several processes may serve one bill; the fan-out brings the others' updates in.
            services.AddSingleton(_ => ParisCoDraft.Storage.Postgres.PostgresDraftingStore.OpenAsync(postgres).GetAwaiter().GetResult());
            services.AddSingleton<IDraftingStore>(sp => sp.GetRequiredService<ParisCoDraft.Storage.Postgres.PostgresDraftingStore>());
            services.AddSingleton<PostgresFanout>();
            services.AddSingleton<IUpdateFanout>(sp => sp.GetRequiredService<PostgresFanout>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresFanout>());
            services.AddSingleton<PostgresPresence>();
            services.AddSingleton<IPresenceFanout>(sp => sp.GetRequiredService<PostgresPresence>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresPresence>());
        }
        else
        {
            services.AddSingleton<IDraftingStore>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<DraftingOptions>>().Value;
                var env = sp.GetRequiredService<IWebHostEnvironment>();
                var path = options.Database == ":memory:" ? options.Database : Path.GetFullPath(options.Database, env.ContentRootPath);
                return SqliteDraftingStore.Open(path);
            });
            services.AddSingleton<IUpdateFanout, InProcessFanout>();
            services.AddSingleton<IPresenceFanout, InProcessPresence>();
        }
        services.AddHostedService<StoreAnnouncer>();
        builder.AddDraftingMetrics();
        services.AddSingleton(sp => (IDeliberationStore)sp.GetRequiredService<IDraftingStore>());
        services.AddSingleton<DeliberationService>();

        services.AddSingleton<MemberResolver>();
        services.AddSingleton<BillConnections>();
        services.AddSingleton<UpdateCommitter>();
        services.AddHostedService(sp => sp.GetRequiredService<UpdateCommitter>());
        services.AddSingleton<DocumentRooms>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentRooms>());
        services.AddVersions();
        services.AddHostedService<DemoSeeder>();

        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = BillHub.MaxMessageBytes;
            o.EnableDetailedErrors = false;
            o.AddFilter<HubFailureFilter>();
        });
        builder.Logging.AddFilter(HubFailureFilter.DispatcherCategory, LogLevel.Critical);
        services.AddSecurity(builder.Configuration);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        return builder;
    }

    /// <summary>Maps the pages, the static files, the API, the health check and the hub.</summary>
    public static WebApplication MapDrafting(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DraftingOptions>>().Value;
        var webRootPath = WebRootLocator.Locate(options.WebRoot, app.Environment.ContentRootPath);
        IFileProvider webRoot = webRootPath is null ? new NullFileProvider() : new PhysicalFileProvider(webRootPath);
        HostLog.WebRoot(app.Logger, webRootPath ?? "(none: the pages will answer 404)");

        app.UseMiddleware<SecurityHeaders>();
        app.UseSecurity();
        app.UseDraftingMetrics();
        app.UseWebSockets();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/hubs"), hub => hub.UseMiddleware<OriginCheck>());

        app.MapHealth();
        app.MapPages(webRoot);
        app.MapBillApi();
        app.MapJoinApi();
        app.MapVersions();
        app.MapDeliberationApi();
        app.MapHub<BillHub>("/hubs/bill", o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.ApplicationMaxBufferSize = BillHub.MaxMessageBytes;
            o.TransportMaxBufferSize = BillHub.MaxMessageBytes;
        });
        return app;
    }
}
