namespace ParisCoDraft.Storage;

/// <summary>The outcome of revoking an invite: the invite and the participants whose sessions were closed.</summary>
public sealed record RevokedInvite(InviteRecord Invite, IReadOnlyList<string> ParticipantIds);
