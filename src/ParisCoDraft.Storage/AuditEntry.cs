namespace ParisCoDraft.Storage;

/// <summary>One line of a bill's append-only audit log.</summary>
/// <param name="DetailJson">A JSON object with the action's details.</param>
public sealed record AuditEntry(
    string BillId,
    DateTimeOffset Time,
    string? ParticipantId,
    string? Role,
    string Action,
    string DetailJson);
