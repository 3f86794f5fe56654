namespace ParisCoDraft.Web.Api;

// The JSON shapes of the HTTP API (camelCase on the wire), kept together because they are one contract.
#pragma warning disable CA1812 // instantiated by the JSON binder

/// <summary>POST /api/bills body.</summary>
public sealed record CreateBillRequest(string? Title, string? Preamble, string? DisplayName, IReadOnlyList<string>? Languages = null);

/// <summary>POST /api/bills answer: the new bill, the creator (facilitator) and one invite link per role.</summary>
public sealed record CreateBillResponse(string BillId, ParticipantView Me, IReadOnlyList<InviteLinkView> Invites);

/// <summary>A freshly created invite link; the only time its secret is shown.</summary>
public sealed record InviteLinkView(string Id, string Role, string Url, DateTimeOffset Created);

/// <summary>An invite as listed to the facilitator (no secret).</summary>
public sealed record InviteView(string Id, string Role, DateTimeOffset Created, DateTimeOffset? Revoked);

/// <summary>POST /api/bills/{id}/invites body.</summary>
public sealed record CreateInviteRequest(string? Role);

/// <summary>DELETE /api/bills/{id}/invites/{inviteId} answer.</summary>
public sealed record RevokeInviteResponse(string Id, DateTimeOffset? Revoked, int SessionsClosed, int ConnectionsClosed);

/// <summary>A participant as shown to members.</summary>
public sealed record ParticipantView(
    string ParticipantId, string DisplayName, string Role, string? Group, bool CanEdit, string Color, DateTimeOffset Joined, bool Online);

/// <summary>GET /api/bills/{id} answer.</summary>
public sealed record BillView(string BillId, string Title, DateTimeOffset Created, ParticipantView Me);

/// <summary>POST /api/join body.</summary>
public sealed record JoinRequest(string? Secret, string? DisplayName);

/// <summary>POST /api/join answer.</summary>
public sealed record JoinResponse(string BillId, ParticipantView Me);

/// <summary>GET /api/join/{secret} answer: what the link opens, for the join page.</summary>
public sealed record InvitePreview(string BillId, string Title, string Role);
