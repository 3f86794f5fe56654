namespace ParisCoDraft.Storage.Sqlite;

internal static partial class SqliteSchema
{
    // The hybrid room: attendance (room / remote), the raised hands' queue and the floor, one row per participant.
    private const string HybridRoom =
        """
        CREATE TABLE room_seats (
            bill_id TEXT NOT NULL REFERENCES bills(id),
            participant_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            attendance TEXT NULL,
            hand_raised_at INTEGER NULL,
            floor_at INTEGER NULL,
            updated INTEGER NOT NULL,
            PRIMARY KEY (bill_id, participant_id)
        );
        """;
}
