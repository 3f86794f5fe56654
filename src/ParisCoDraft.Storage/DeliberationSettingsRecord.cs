namespace ParisCoDraft.Storage;

/// <summary>A bill's deliberation settings and session state: rules, agenda (JSON), focused clause.</summary>
public sealed record DeliberationSettingsRecord(
    string BillId,
    string ConsensusRuleJson,
    string ApprovalRule,
    string AgendaJson,
    string? FocusClauseId,
    DateTimeOffset Updated);
