namespace ParisCoDraft.Web.Versions;

// The JSON shapes of the workshops, versions, diffs, ideas and follow-up API (camelCase on the wire),
// kept together because they are one contract (docs/protocol.md, "Workshops, versions and exports").
#pragma warning disable CA1812 // instantiated by the JSON binder

/// <summary>A workshop as listed.</summary>
public sealed record WorkshopView(
    string Id, string Name, string Date, string Place, string Mode, string State,
    DateTimeOffset? Opened, DateTimeOffset? Closed, string? OpeningVersionId, string? ClosingVersionId);

/// <summary>POST …/workshops body.</summary>
public sealed record CreateWorkshopRequest(string? Name, string? Date, string? Place, string? Mode);

/// <summary>POST …/workshops/{id}/open and /close body (optional).</summary>
public sealed record WorkshopMoveRequest(string? Label);

/// <summary>POST …/workshops/{id}/open or /close answer.</summary>
public sealed record WorkshopMoveResponse(WorkshopView Workshop, VersionView Version);

/// <summary>A version as listed (without its snapshot bytes).</summary>
public sealed record VersionView(
    string Id, int Number, string Label, string Kind, string? WorkshopId, DateTimeOffset Taken,
    string? TakenBy, string Sha256, string? DefaultBaseId);

/// <summary>POST …/versions body.</summary>
public sealed record TakeVersionRequest(string? Label);

/// <summary>One article (or withdrawn clause) of a version's text.</summary>
public sealed record ClauseTextView(string Id, int Number, string Heading, string Body, string? MergedInto, string? SplitFrom);

/// <summary>GET …/versions/{id} answer: the text exactly as it was (Version null for the current text).</summary>
public sealed record VersionTextView(
    VersionView? Version, string Title, string Preamble, IReadOnlyList<ClauseTextView> Clauses,
    IReadOnlyList<ClauseTextView> Withdrawn, string Sha256);

/// <summary>One clause's fate in a diff.</summary>
public sealed record ClauseChangeView(
    string ClauseId, int OlderNumber, int NewerNumber, IReadOnlyList<string> Changes, string? MergedInto, string? SplitFrom,
    int WordsInserted, int WordsDeleted, IReadOnlyList<string> Groups, ClauseChangeByView? By = null);

/// <summary>
/// Who made a clause's clause-level change (docs/versions.md): <c>change</c> added, split, merged, withdrawn or
/// moved; <c>who</c> citizens, elected-officials, civil-servants, facilitator, adopted-amendment or unknown;
/// <c>group</c> and <c>role</c> on the wire, <c>name</c> the participant's display name, when known;
/// <c>others</c> how many other people wrote the same entry between the two versions.
/// </summary>
public sealed record ClauseChangeByView(string Change, string Who, string? Group, string? Role, string? Name, int Others);

/// <summary>What one group did to one text.</summary>
public sealed record ContributionView(
    string Group, string Field, string? ClauseId, int ArticleNumber, string Kind, int WordsInserted, int WordsDeleted);

/// <summary>GET …/diff answer.</summary>
public sealed record DiffView(
    VersionView? Older, VersionView? Newer, string OlderSha256, string NewerSha256, bool HasChanges,
    string SummaryFr, string SummaryEn, IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<ClauseChangeView> Clauses, string InlineHtml, string SideBySideHtml, long Milliseconds);
