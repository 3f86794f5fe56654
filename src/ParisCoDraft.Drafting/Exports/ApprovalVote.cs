namespace ParisCoDraft.Drafting.Exports;

/// <summary>The vote approving (or not) an exact text.</summary>
/// <param name="Who">Who voted (e.g. "Assemblée citoyenne, séance plénière").</param>
/// <param name="When">When.</param>
/// <param name="Result">Approved or rejected.</param>
/// <param name="Sha256">SHA-256 of the text voted on (<see cref="Bills.BillText.Sha256"/>).</param>
public sealed record ApprovalVote(string Who, DateTimeOffset When, ApprovalResult Result, string Sha256);
