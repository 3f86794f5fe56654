using System.Text.Json;
using Microsoft.Extensions.Options;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Hosting;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Api;

/// <summary>The bill HTTP API: create a bill, read it, manage its invite links, list its participants.</summary>
public static class BillEndpoints
{
    /// <summary>Maps /api/bills/**.</summary>
    public static IEndpointRouteBuilder MapBillApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bills");
        api.MapPost("", CreateBillAsync);
        api.MapGet("/{billId}", GetBillAsync);
        api.MapGet("/{billId}/me", GetMeAsync);
        api.MapGet("/{billId}/participants", ListParticipantsAsync);
        api.MapGet("/{billId}/invites", ListInvitesAsync);
        api.MapPost("/{billId}/invites", CreateInviteAsync);
        api.MapDelete("/{billId}/invites/{inviteId}", RevokeInviteAsync);
        return app;
    }

    private static async Task<IResult> CreateBillAsync(
        HttpContext http, CreateBillRequest? body, IDraftingStore store, BillConnections connections,
        IOptions<DraftingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var title = InputRules.Line(body?.Title, InputRules.MaxTitle);
        if (title is null) return ApiError.BadRequest("invalid-title", $"A title of 1 to {InputRules.MaxTitle} characters is required.");
        var preamble = InputRules.Text(body?.Preamble, InputRules.MaxPreamble, out var preambleOk);
        if (!preambleOk) return ApiError.BadRequest("invalid-preamble", $"The preamble is at most {InputRules.MaxPreamble} characters of text.");
        var name = InputRules.Line(body?.DisplayName, InputRules.MaxDisplayName);
        if (name is null) return ApiError.BadRequest("invalid-display-name", $"A display name of 1 to {InputRules.MaxDisplayName} characters is required.");
        if (body?.Languages is { Count: > 0 } languages && BillLanguages.Validate(languages) is { } languageError)
        {
            return ApiError.BadRequest("invalid-languages", languageError);
        }

        var now = clock.GetUtcNow();
        var (created, links) = await BillCreation.CreateAsync(
            store, title, preamble, [], InviteLinks.BaseUrl(http.Request, options.Value), now,
            creatorName: name, ct, languages: body?.Languages is { Count: > 0 } ? body.Languages : null).ConfigureAwait(false);
        SessionCookie.Set(http.Response, created.Bill.Bill.Id, created.CreatorToken!);
        var me = Views.Participant(created.Bill.Creator!, Role.Facilitator, online: false);
        return Results.Json(new CreateBillResponse(created.Bill.Bill.Id, me, links), statusCode: 201);
    }

    private static async Task<IResult> GetBillAsync(HttpContext http, string billId, BillConnections connections, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var m = access.Member!;
        return Results.Json(new BillView(access.Bill!.Id, access.Bill.Title, access.Bill.Created,
            Views.Participant(m.Participant, m.Role, connections.IsOnline(billId, m.ParticipantId))));
    }

    private static async Task<IResult> GetMeAsync(HttpContext http, string billId, BillConnections connections, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var m = access.Member!;
        return Results.Json(Views.Participant(m.Participant, m.Role, connections.IsOnline(billId, m.ParticipantId)));
    }

    private static async Task<IResult> ListParticipantsAsync(
        HttpContext http, string billId, IDraftingStore store, BillConnections connections, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var list = await store.ListParticipantsAsync(billId, ct).ConfigureAwait(false);
        var views = new List<ParticipantView>(list.Count);
        foreach (var p in list)
        {
            if (Roles.TryParse(p.Role, out var role))
            {
                views.Add(Views.Participant(p, role, connections.IsOnline(billId, p.Id)));
            }
        }
        return Results.Json(views);
    }

    private static async Task<IResult> ListInvitesAsync(HttpContext http, string billId, IDraftingStore store, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: true, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var invites = await store.ListInvitesAsync(billId, ct).ConfigureAwait(false);
        return Results.Json(invites.Select(i => new InviteView(i.Id, i.Role, i.Created, i.Revoked)).ToList());
    }

    private static async Task<IResult> CreateInviteAsync(
        HttpContext http, string billId, CreateInviteRequest? body, IDraftingStore store,
        IOptions<DraftingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: true, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        if (!Roles.TryParse(body?.Role, out var role))
        {
            return ApiError.BadRequest("invalid-role",
                "role must be one of citizen, elected, civil-servant, facilitator, clerk, observer.");
        }
        var now = clock.GetUtcNow();
        var (invite, secret) = InviteLinks.New(billId, role, now);
        await store.CreateInviteAsync(invite, ct).ConfigureAwait(false);
        var m = access.Member!;
        await store.AppendAuditAsync(new AuditEntry(billId, now, m.ParticipantId, m.Role.ToWire(), "invite.created",
            JsonSerializer.Serialize(new { inviteId = invite.Id, role = invite.Role })), ct).ConfigureAwait(false);
        return Results.Json(new InviteLinkView(invite.Id, invite.Role, InviteLinks.Url(InviteLinks.BaseUrl(http.Request, options.Value), secret), now),
            statusCode: 201);
    }

    private static async Task<IResult> RevokeInviteAsync(
        HttpContext http, string billId, string inviteId, IDraftingStore store, BillConnections connections,
        TimeProvider clock, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: true, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        if (!Tokens.IsWellFormed(inviteId)) return ApiError.NotFound("unknown-invite", "This bill has no such invite.");
        var now = clock.GetUtcNow();
        var revoked = await store.RevokeInviteAsync(billId, inviteId, now, ct).ConfigureAwait(false);
        if (revoked is null) return ApiError.NotFound("unknown-invite", "This bill has no such invite.");
        // Close the live connections at once: the store already refuses their sessions.
        var closed = await connections.RevokeAsync(billId, revoked.ParticipantIds, "invite-revoked").ConfigureAwait(false);
        var m = access.Member!;
        await store.AppendAuditAsync(new AuditEntry(billId, now, m.ParticipantId, m.Role.ToWire(), "invite.revoked",
            JsonSerializer.Serialize(new { inviteId, participants = revoked.ParticipantIds, connectionsClosed = closed })), ct).ConfigureAwait(false);
        return Results.Json(new RevokeInviteResponse(inviteId, revoked.Invite.Revoked, revoked.ParticipantIds.Count, closed));
    }
}
