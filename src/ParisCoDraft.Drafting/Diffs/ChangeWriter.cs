using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>The participant the server bound a client id to.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Role">Their role (null when the stored role is not one the server knows).</param>
public sealed record ChangeWriter(string ParticipantId, string? Name, Role? Role);
