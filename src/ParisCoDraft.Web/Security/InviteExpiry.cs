using Microsoft.Extensions.Options;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// An invite link opens its bill for <see cref="SecurityOptions.InviteLifetime"/> after it was created, then
/// never again (403 <c>invite-expired</c>). Sessions already opened with it go on; a facilitator issues a
/// new link when someone still has to join.
/// </summary>
internal static class InviteExpiry
{
    public static bool IsExpired(HttpContext http, InviteRecord invite)
    {
        var lifetime = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.InviteLifetime;
        if (lifetime <= TimeSpan.Zero) return false;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return now >= invite.Created + lifetime;
    }

    public static IResult Refusal(HttpContext http, InviteRecord invite)
    {
        SecurityLog.InviteExpired(http.RequestServices.GetRequiredService<ILogger<RequestGuards>>(), invite.Id, invite.BillId);
        return Results.Json(new ApiError("invite-expired", "This invite link has expired: ask the facilitator for a new one."),
            statusCode: StatusCodes.Status403Forbidden);
    }
}
