using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Api;

/// <summary>
/// <c>GET /healthz</c>: 200 when the store answers within two seconds and its last write succeeded;
/// 503 <c>store-unavailable</c> when it does not answer, 503 <c>store-unwritable</c> while writes fail
/// (disk full, read-only file) until one succeeds again.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps /healthz.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDraftingStore store, Documents.UpdateCommitter committer, CancellationToken ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            bool ok;
            try
            {
                ok = await store.PingAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ok = false;
            }
            if (!ok) return Results.Json(new { status = "store-unavailable" }, statusCode: 503);
            return committer.Failing
                ? Results.Json(new { status = "store-unwritable" }, statusCode: 503)
                : Results.Json(new { status = "ok" });
        });
        return app;
    }
}
