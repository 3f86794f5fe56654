using ParisCoDraft.Web.Exports;
using ParisCoDraft.Web.FollowUp;
using ParisCoDraft.Web.Ideas;

namespace ParisCoDraft.Web.Versions;

/// <summary>Wiring of workshops, versions, diffs, ideas, exports and follow-up.</summary>
public static class VersionsHostExtensions
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddVersions(this IServiceCollection services)
    {
        services.AddSingleton<VersionDocuments>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapVersions(this IEndpointRouteBuilder app)
    {
        app.MapWorkshopApi();
        app.MapVersionApi();
        app.MapExportApi();
        app.MapIdeaApi();
        app.MapFollowUpApi();
        return app;
    }
}
