namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>One assembly member's ballot on the whole bill, on the exact text whose hash is recorded.</summary>
public sealed record ApprovalBallot(string ParticipantId, string DisplayName, bool Approves, DateTimeOffset CastAt, string BillTextSha256);
