namespace ParisCoDraft.Storage.Postgres;

internal static partial class PostgresSchema
{
    // The hybrid room: attendance (room / remote), the raised hands' queue and the floor, one row per participant.
    private const string HybridRoom =
        """
        CREATE TABLE room_seats (
            bill_id text NOT NULL REFERENCES bills(id),
            participant_id text NOT NULL,
            display_name text NOT NULL,
            role text NOT NULL,
            attendance text NULL,
            hand_raised_at bigint NULL,
            floor_at bigint NULL,
            updated bigint NOT NULL,
            PRIMARY KEY (bill_id, participant_id)
        );
        """;
}
