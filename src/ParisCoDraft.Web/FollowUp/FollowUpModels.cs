namespace ParisCoDraft.Web.FollowUp;

// The JSON shapes of the follow-up API (camelCase on the wire).
#pragma warning disable CA1812 // instantiated by the JSON binder

/// <summary>A commitment as the review page shows it.</summary>
public sealed record CommitmentView(
    string Id, string ClauseId, int ArticleNumber, string ArticleHeading, string Department, string Action,
    string DueDate, string Status, bool Overdue, DateTimeOffset Updated);

/// <summary>GET …/follow-up answer.</summary>
public sealed record FollowUpView(string? AdoptedOn, string DefaultDueDate, IReadOnlyList<string> Statuses, IReadOnlyList<CommitmentView> Commitments);

/// <summary>POST/PUT …/follow-up/commitments body; due date defaults to one year after adoption, status to planned.</summary>
public sealed record CommitmentRequest(string? ClauseId, string? Department, string? Action, string? DueDate, string? Status);

/// <summary>PUT …/follow-up/adoption body (null clears it).</summary>
public sealed record AdoptionRequest(string? Date);
