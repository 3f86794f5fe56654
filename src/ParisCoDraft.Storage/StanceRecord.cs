namespace ParisCoDraft.Storage;

/// <summary>A participant's stance on a clause or an amendment (the target), with the hash of the text it was given on.</summary>
public sealed record StanceRecord(
    string BillId,
    string TargetId,
    string ParticipantId,
    string DisplayName,
    string Role,
    string Stance,
    string? Reason,
    string TextHash,
    DateTimeOffset GivenAt);
