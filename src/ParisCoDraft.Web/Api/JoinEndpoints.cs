using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Security;

namespace ParisCoDraft.Web.Api;

/// <summary>Joining a bill through an invite link.</summary>
public static class JoinEndpoints
{
    /// <summary>Maps /api/join.</summary>
    public static IEndpointRouteBuilder MapJoinApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/join/{secret}", PreviewAsync).RequireRateLimiting(RequestGuards.JoinPolicy);
        app.MapPost("/api/join", JoinAsync).RequireRateLimiting(RequestGuards.JoinPolicy);
        return app;
    }

    private static async Task<(InviteRecord? Invite, BillRecord? Bill, IResult? Error)> FindAsync(
        HttpContext http, IDraftingStore store, string? secret, CancellationToken ct)
    {
        if (!Tokens.IsWellFormed(secret)) return (null, null, ApiError.NotFound("unknown-invite", "This invite link is not valid."));
        var invite = await store.FindInviteAsync(Tokens.Hash(secret!), ct).ConfigureAwait(false);
        if (invite is null) return (null, null, ApiError.NotFound("unknown-invite", "This invite link is not valid."));
        if (invite.Revoked is not null) return (invite, null, ApiError.Forbidden("This invite link has been revoked."));
        if (InviteExpiry.IsExpired(http, invite)) return (invite, null, InviteExpiry.Refusal(http, invite));
        var bill = await store.GetBillAsync(invite.BillId, ct).ConfigureAwait(false);
        return bill is null ? (invite, null, ApiError.UnknownBill()) : (invite, bill, null);
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, string secret, IDraftingStore store, CancellationToken ct)
    {
        var (invite, bill, error) = await FindAsync(http, store, secret, ct).ConfigureAwait(false);
        return error ?? Results.Json(new InvitePreview(bill!.Id, bill.Title, invite!.Role));
    }

    private static async Task<IResult> JoinAsync(HttpContext http, JoinRequest? body, IDraftingStore store, TimeProvider clock, CancellationToken ct)
    {
        var name = InputRules.Line(body?.DisplayName, InputRules.MaxDisplayName);
        if (name is null) return ApiError.BadRequest("invalid-display-name", $"A display name of 1 to {InputRules.MaxDisplayName} characters is required.");
        var (invite, bill, error) = await FindAsync(http, store, body?.Secret, ct).ConfigureAwait(false);
        if (error is not null) return error;
        if (http.RequestServices.GetRequiredService<RequestGuards>().TryJoinBill(http, bill!.Id) is { } tooMany) return tooMany;
        if (!Roles.TryParse(invite!.Role, out var role)) return ApiError.Forbidden("This invite link has an unknown role.");

        var now = clock.GetUtcNow();
        var participant = new ParticipantRecord(Tokens.NewId('p'), bill!.Id, name, invite.Role, invite.Id, now);
        var token = Tokens.NewSecret();
        var audit = new AuditEntry(bill.Id, now, participant.Id, participant.Role, "participant.joined",
            JsonSerializer.Serialize(new { inviteId = invite.Id, displayName = name }));
        // A fresh token every time: a cookie the browser already held (planted or not) is never adopted.
        // The store re-checks the invite inside the transaction: a revocation racing this join wins.
        if (!await store.AddParticipantAsync(participant, new SessionRecord(Tokens.Hash(token), participant.Id, now), audit, ct).ConfigureAwait(false))
        {
            return ApiError.Forbidden("This invite link has been revoked.");
        }
        SessionCookie.Set(http.Response, bill.Id, token);
        return Results.Json(new JoinResponse(bill.Id, Views.Participant(participant, role, online: false)));
    }
}
