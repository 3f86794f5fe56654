namespace ParisCoDraft.Drafting.Exports;

/// <summary>What a City department committed to do about a clause.</summary>
/// <param name="ClauseId">The clause.</param>
/// <param name="Department">The department (direction).</param>
/// <param name="Action">The action promised.</param>
/// <param name="DueDate">By when.</param>
/// <param name="Status">Where it stands.</param>
public sealed record FollowUpCommitment(string ClauseId, string Department, string Action, DateOnly DueDate, string Status);
