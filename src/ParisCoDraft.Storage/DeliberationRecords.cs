namespace ParisCoDraft.Storage;

/// <summary>Everything the store holds about a bill's deliberation, as loaded at once, and the revision it is at (with the hybrid room's seats).</summary>
public sealed record DeliberationRecords(
    DeliberationSettingsRecord? Settings,
    IReadOnlyList<CommentRecord> Comments,
    IReadOnlyList<StanceRecord> Stances,
    IReadOnlyList<AmendmentRecord> Amendments,
    IReadOnlyList<ClauseLockRecord> Locks,
    IReadOnlyList<ConsensusRoundRecord> Rounds,
    IReadOnlyList<ApprovalVoteRecord> Votes,
    IReadOnlyList<ApprovalBallotRecord> Ballots,
    long Revision,
    IReadOnlyList<RoomSeatRecord>? Seats = null);
