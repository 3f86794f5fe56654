using ParisCoDraft.Web.Api;

namespace ParisCoDraft.Web.Deliberation;

/// <summary>HTTP reads of the deliberation: its whole state (any member) and the audit log (facilitators and clerks).</summary>
public static class DeliberationEndpoints
{
    /// <summary>Maps GET /api/bills/{id}/deliberation and GET /api/bills/{id}/audit.</summary>
    public static IEndpointRouteBuilder MapDeliberationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bills/{billId}/deliberation", GetAsync);
        app.MapGet("/api/bills/{billId}/audit", GetAuditAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string billId, DeliberationService deliberation, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        return Results.Json(await deliberation.ViewAsync(billId).ConfigureAwait(false));
    }

    private static async Task<IResult> GetAuditAsync(HttpContext http, string billId, int? limit, DeliberationService deliberation, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        try
        {
            return Results.Json(await deliberation.AuditAsync(access.Member!, limit ?? 500, ct).ConfigureAwait(false));
        }
        catch (DeliberationException e)
        {
            return Results.Json(new ApiError(e.Code, e.Message), statusCode: e.HttpStatus);
        }
    }
}
