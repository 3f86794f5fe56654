namespace ParisCoDraft.Storage;

/// <summary>
/// A proposed wording for a clause (<paramref name="ClauseId"/>) or a new clause (ClauseId null, placed after
/// <paramref name="AfterClauseId"/>), with the clause's text when it was proposed.
/// </summary>
/// <param name="Status">open, adopted or set-aside.</param>
public sealed record AmendmentRecord(
    string Id,
    string BillId,
    string? ClauseId,
    string? AfterClauseId,
    string Heading,
    string Body,
    string? Rationale,
    string BaseHeading,
    string BaseBody,
    string AuthorId,
    string AuthorName,
    string AuthorRole,
    DateTimeOffset Created,
    string Status,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionNote = null,
    string? AdoptedClauseId = null);
