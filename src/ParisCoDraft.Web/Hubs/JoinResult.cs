namespace ParisCoDraft.Web.Hubs;

/// <summary>What <c>Join</c> returns: who the connection is in the bill.</summary>
public sealed record JoinResult(string ParticipantId, string DisplayName, string Role, string? Group, bool CanEdit, string Color);
