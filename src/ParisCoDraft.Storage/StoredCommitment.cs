namespace ParisCoDraft.Storage;

/// <summary>A follow-up commitment on a clause (the one-year review).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="BillId">The bill.</param>
/// <param name="ClauseId">The clause.</param>
/// <param name="Department">The department responsible.</param>
/// <param name="Action">What will be done.</param>
/// <param name="DueDate">By when, ISO <c>yyyy-MM-dd</c>.</param>
/// <param name="Status"><c>planned</c>, <c>in-progress</c>, <c>done</c>, <c>late</c> or <c>dropped</c>.</param>
/// <param name="Updated">Last change.</param>
/// <param name="UpdatedBy">Who made it.</param>
public sealed record StoredCommitment(
    string Id,
    string BillId,
    string ClauseId,
    string Department,
    string Action,
    string DueDate,
    string Status,
    DateTimeOffset Updated,
    string? UpdatedBy);
