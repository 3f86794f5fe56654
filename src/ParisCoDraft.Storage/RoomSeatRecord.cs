namespace ParisCoDraft.Storage;

/// <summary>
/// One participant's place in the hybrid room: whether they are in the room or remote (null until they say),
/// when they raised their hand (null: not raised) and since when they have the floor (null: they do not).
/// </summary>
public sealed record RoomSeatRecord(
    string BillId,
    string ParticipantId,
    string DisplayName,
    string Role,
    string? Attendance,
    DateTimeOffset? HandRaisedAt,
    DateTimeOffset? FloorAt,
    DateTimeOffset Updated);
