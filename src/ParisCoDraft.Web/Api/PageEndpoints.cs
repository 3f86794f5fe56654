using Microsoft.Extensions.FileProviders;

namespace ParisCoDraft.Web.Api;

/// <summary>The three HTML pages; each is a static file from the web root, the script does the rest.</summary>
public static class PageEndpoints
{
    /// <summary>Maps <c>/</c>, <c>/bills/{id}</c> (and its pages), and <c>/join/{secret}</c>.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app, IFileProvider webRoot)
    {
        app.MapGet("/", () => Page(webRoot, "index.html"));
        app.MapGet("/bills/{billId}", (string billId) => Page(webRoot, "bill.html"));
        app.MapGet("/bills/{billId}/versions", (string billId) => Page(webRoot, "versions.html"));
        app.MapGet("/bills/{billId}/ideas", (string billId) => Page(webRoot, "ideas.html"));
        app.MapGet("/bills/{billId}/review", (string billId) => Page(webRoot, "review.html"));
        app.MapGet("/bills/{billId}/console", (string billId) => Page(webRoot, "console.html"));
        app.MapGet("/bills/{billId}/projector", (string billId) => Page(webRoot, "projector.html"));
        app.MapGet("/join/{secret}", (string secret) => Page(webRoot, "join.html"));
        return app;
    }

    private static IResult Page(IFileProvider webRoot, string name)
    {
        var file = webRoot.GetFileInfo(name);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return Results.Text($"{name} is missing from the web root (build the front end: npm run build).",
                "text/plain; charset=utf-8", statusCode: 404);
        }
        // Pages are small and change with every front-end build: no caching, so a deploy shows at once.
        return Results.File(file.PhysicalPath, "text/html; charset=utf-8", enableRangeProcessing: false);
    }
}
