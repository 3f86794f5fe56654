using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

// The hybrid room (docs/accessibility.md, "Hybrid room"): who is in the room or remote, the raised hands and
// the floor, written like the rest of the deliberation (audit line and revision in the same transaction).
public abstract partial class SqlDraftingStore
{
    /// <inheritdoc cref="IDeliberationStore.SaveRoomSeatAsync"/>
    public Task SaveRoomSeatAsync(RoomSeatRecord s, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(audit, cancellationToken, """
            INSERT INTO room_seats (bill_id, participant_id, display_name, role, attendance, hand_raised_at, floor_at, updated)
            VALUES (@bill, @participant, @name, @role, @attendance, @hand, @floor, @updated)
            ON CONFLICT(bill_id, participant_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                attendance = excluded.attendance, hand_raised_at = excluded.hand_raised_at, floor_at = excluded.floor_at,
                updated = excluded.updated;
            """, cmd => cmd
            .With("@bill", s.BillId).With("@participant", s.ParticipantId).With("@name", s.DisplayName).With("@role", s.Role)
            .With("@attendance", s.Attendance).With("@hand", s.HandRaisedAt).With("@floor", s.FloorAt).With("@updated", s.Updated));

    /// <inheritdoc cref="IDeliberationStore.GiveFloorAsync"/>
    public async Task<bool> GiveFloorAsync(string billId, string? participantId, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(audit, cancellationToken, """
            UPDATE room_seats SET
                floor_at = CASE WHEN participant_id = @participant THEN @at ELSE NULL END,
                hand_raised_at = CASE WHEN participant_id = @participant THEN NULL ELSE hand_raised_at END,
                updated = @at
            WHERE bill_id = @bill AND (floor_at IS NOT NULL OR participant_id = @participant);
            """, cmd => cmd.With("@bill", billId).With("@participant", participantId).With("@at", at),
            auditOnlyIfChanged: true).ConfigureAwait(false) > 0;

    private static Task<List<RoomSeatRecord>> ReadRoomSeatsAsync(DbConnection connection, DbTransaction tx, string billId, CancellationToken cancellationToken) =>
        ReadAsync(connection, tx,
            """
            SELECT participant_id, display_name, role, attendance, hand_raised_at, floor_at, updated
            FROM room_seats WHERE bill_id = @bill ORDER BY participant_id;
            """, billId, r => new RoomSeatRecord(billId, r.GetString(0), r.GetString(1), r.GetString(2), StoreRows.NullableString(r, 3),
                StoreRows.NullableTime(r, 4), StoreRows.NullableTime(r, 5), StoreRows.FromUnixMs(r.GetInt64(6))), cancellationToken);
}
