namespace ParisCoDraft.Web.Versions;

/// <summary>
/// Who sent an update and what it newly deleted: recorded with the update so a diff can say which group
/// removed which words (inserted words are known from their client ids).
/// </summary>
/// <param name="ParticipantId">The sender.</param>
/// <param name="Deletions">The delete-set ranges that deleted text the server still showed.</param>
public sealed record UpdateAuthor(string ParticipantId, IReadOnlyList<(long Client, long Clock, long Length)> Deletions);
