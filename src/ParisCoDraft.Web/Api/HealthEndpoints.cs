using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Api;

/// <summary><c>GET /healthz</c>: 200 when the store answers within two seconds, 503 otherwise.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps /healthz.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDraftingStore store, CancellationToken ct) =>
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
            return ok
                ? Results.Json(new { status = "ok" })
                : Results.Json(new { status = "store-unavailable" }, statusCode: 503);
        });
        return app;
    }
}
