namespace ParisCoDraft.Storage;

/// <summary>One member's ballot in an approval vote.</summary>
public sealed record ApprovalBallotRecord(string VoteId, string ParticipantId, string DisplayName, bool Approves, DateTimeOffset CastAt, string TextSha256);
