namespace ParisCoDraft.Storage;

/// <summary>A comment on a clause (or on an amendment), optionally on a range of the clause's text.</summary>
/// <param name="Field">heading or body when anchored on a range, else null.</param>
/// <param name="AnchorStart">Encoded Yjs relative position of the range's start.</param>
/// <param name="AnchorEnd">Encoded Yjs relative position of the range's end.</param>
/// <param name="Quote">The text of the range when the comment was made.</param>
public sealed record CommentRecord(
    string Id,
    string BillId,
    string ClauseId,
    string? AmendmentId,
    string? ParentId,
    string AuthorId,
    string AuthorName,
    string AuthorRole,
    string Body,
    string? Field,
    byte[]? AnchorStart,
    byte[]? AnchorEnd,
    string? Quote,
    DateTimeOffset Created,
    DateTimeOffset? Edited = null,
    DateTimeOffset? Resolved = null,
    string? ResolvedBy = null,
    DateTimeOffset? Hidden = null,
    string? HiddenBy = null,
    string? HiddenReason = null,
    DateTimeOffset? Deleted = null);
