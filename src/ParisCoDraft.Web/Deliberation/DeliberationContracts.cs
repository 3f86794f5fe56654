namespace ParisCoDraft.Web.Deliberation;

// The JSON shapes of the deliberation (hub arguments, hub events, HTTP answers; camelCase on the wire),
// kept together because they are one contract: docs/protocol.md, section "Deliberation".
#pragma warning disable CA1812 // instantiated by the JSON binder

/// <summary>AddComment argument. A range comment carries both encoded relative positions (base64) and the field.</summary>
public sealed record NewComment(string? ClauseId, string? AmendmentId, string? ParentId, string? Body, string? Field, byte[]? AnchorStart, byte[]? AnchorEnd, string? Quote);

/// <summary>SetStance argument: target is a clause id or an amendment id.</summary>
public sealed record NewStance(string? TargetId, string? Stance, string? Reason);

/// <summary>ProposeAmendment argument: ClauseId for a new wording of a clause, or AfterClauseId (or neither) for a new clause.</summary>
public sealed record NewAmendment(string? ClauseId, string? AfterClauseId, string? Heading, string? Body, string? Rationale);

/// <summary>One agenda entry as the facilitator sets it.</summary>
public sealed record AgendaEntry(string? ClauseId, int Minutes);

/// <summary>SetConsensusRule argument.</summary>
public sealed record ConsensusRuleView(bool BlockPrevents, double AgreeShare, bool ReservationsCountAsAgree, int MinStancesPerGroup);

/// <summary>Who did something.</summary>
public sealed record ActorView(string ParticipantId, string DisplayName, string Role, string? Group);

/// <summary>A comment's range, resolved by the server against its current document.</summary>
public sealed record AnchorView(int From, int To, string Quote, bool Deleted);

/// <summary>A comment; Body is null once hidden by a facilitator or deleted by its author (the trace stays).</summary>
public sealed record CommentView(
    string Id, string ClauseId, string? AmendmentId, string? ParentId, ActorView Author, string? Body,
    DateTimeOffset Created, DateTimeOffset? Edited, DateTimeOffset? Resolved, string? ResolvedBy,
    bool Hidden, string? HiddenBy, string? HiddenReason, bool Deleted,
    string? Field, byte[]? AnchorStart, byte[]? AnchorEnd, string? Quote, AnchorView? Anchor);

/// <summary>A stance marker; TextHash is the ClauseTextHash of the text it was given on.</summary>
public sealed record StanceView(
    string TargetId, string ParticipantId, string DisplayName, string Role, string? Group, string Stance, string? Reason, string TextHash, DateTimeOffset GivenAt);

/// <summary>Stance event: Marker null means withdrawn.</summary>
public sealed record StanceChange(string TargetId, string ParticipantId, StanceView? Marker);

/// <summary>An amendment; TextHash is the hash its own markers are given on.</summary>
public sealed record AmendmentView(
    string Id, string? ClauseId, string? AfterClauseId, string Heading, string Body, string? Rationale, string BaseHeading, string BaseBody,
    ActorView Author, DateTimeOffset Created, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote,
    string? AdoptedClauseId, string TextHash);

/// <summary>An agenda item with its timer.</summary>
public sealed record AgendaItemView(string ClauseId, int Minutes, string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

/// <summary>A locked clause.</summary>
public sealed record LockView(string ClauseId, string Reason, string LockedBy, DateTimeOffset LockedAt);

/// <summary>One group's counts.</summary>
public sealed record TallyView(int Agree, int Reservations, int Disagree, int Block, int Stale);

/// <summary>A closed round's recorded result.</summary>
public sealed record RoundResultView(string State, string TextHash, IReadOnlyDictionary<string, TallyView> Tallies, IReadOnlyList<StanceView> Markers);

/// <summary>A consensus round.</summary>
public sealed record RoundView(string Id, string ClauseId, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, RoundResultView? Result);

/// <summary>A ballot.</summary>
public sealed record BallotView(string ParticipantId, string DisplayName, bool Approves, DateTimeOffset CastAt, string TextSha256);

/// <summary>A closed vote's outcome.</summary>
public sealed record VoteOutcomeView(bool Approved, int For, int Against, int Eligible, string Rule, string TextSha256);

/// <summary>The final approval vote.</summary>
public sealed record VoteView(
    string Id, string OpenedBy, DateTimeOffset OpenedAt, string TextSha256, string Rule, int Eligible,
    IReadOnlyList<BallotView> Ballots, DateTimeOffset? ClosedAt, VoteOutcomeView? Outcome);

/// <summary>The session: rules, agenda, focus, locks, the open round and vote, the last closed ones, the hybrid room.</summary>
public sealed record SessionView(
    ConsensusRuleView Rule, string ApprovalRule, IReadOnlyList<AgendaItemView> Agenda, string? FocusClauseId,
    IReadOnlyList<LockView> Locks, RoundView? Round, IReadOnlyList<RoundView> Rounds, VoteView? Vote, VoteView? LastVote, RoomView Room);

/// <summary>A participant's place in the hybrid room; Attendance is room, remote or null (not said).</summary>
public sealed record SeatView(
    string ParticipantId, string DisplayName, string Role, string? Group, string? Attendance, DateTimeOffset? HandRaisedAt, DateTimeOffset? FloorAt);

/// <summary>The hybrid room: every seat, the raised hands in the order they were raised, who has the floor.</summary>
public sealed record RoomView(IReadOnlyList<SeatView> Seats, IReadOnlyList<SeatView> Hands, SeatView? Floor);

/// <summary>One clause's standing for the whole-bill matrix.</summary>
public sealed record ClauseStandingView(string ClauseId, int Number, string State, IReadOnlyDictionary<string, TallyView> Tallies, int Stale);

/// <summary>Everything a page needs on load (and after a reconnect).</summary>
public sealed record DeliberationView(
    SessionView Session, IReadOnlyList<CommentView> Comments, IReadOnlyList<StanceView> Stances,
    IReadOnlyList<AmendmentView> Amendments, IReadOnlyList<ClauseStandingView> Standing);

/// <summary>One audit line as shown to facilitators and clerks.</summary>
public sealed record AuditView(DateTimeOffset Time, string? ParticipantId, string? DisplayName, string? Role, string Action, System.Text.Json.JsonElement Detail);
