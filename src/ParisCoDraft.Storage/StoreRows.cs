using System.Data.Common;

namespace ParisCoDraft.Storage;

/// <summary>
/// The rows both engines share: column lists and the mapping of a row to its record, written once so that
/// the SQLite and PostgreSQL stores cannot drift apart. Times are stored as Unix milliseconds.
/// </summary>
internal static class StoreRows
{
    public const string InviteColumns = "id, bill_id, role, secret_hash, created, revoked";
    public const string ParticipantColumns = "p.id, p.bill_id, p.display_name, p.role, p.invite_id, p.joined";
    public const string WorkshopColumns = "id, bill_id, name, date, place, mode, state, created, opened, closed";
    public const string VersionColumns = "id, bill_id, number, label, kind, workshop_id, taken, taken_by, sha256, snapshot";
    public const string IdeaColumns = "bill_id, number, title, text, source_group, disposition, updated, updated_by";
    public const string CommitmentColumns = "id, bill_id, clause_id, department, action, due, status, updated, updated_by";

    public static long ToUnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static byte[]? NullableBlob(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<byte[]>(i);

    public static DateTimeOffset? NullableTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : FromUnixMs(r.GetInt64(i));

    /// <summary>A row of <see cref="InviteColumns"/>.</summary>
    public static InviteRecord Invite(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<byte[]>(3), FromUnixMs(r.GetInt64(4)), NullableTime(r, 5));

    /// <summary>A row of <see cref="ParticipantColumns"/>.</summary>
    public static ParticipantRecord Participant(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4), FromUnixMs(r.GetInt64(5)));

    /// <summary>A row of <see cref="WorkshopColumns"/>.</summary>
    public static StoredWorkshop Workshop(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), FromUnixMs(r.GetInt64(7)), NullableTime(r, 8), NullableTime(r, 9));

    /// <summary>A row of <see cref="VersionColumns"/>.</summary>
    public static StoredVersion Version(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4),
        NullableString(r, 5), FromUnixMs(r.GetInt64(6)), NullableString(r, 7), r.GetString(8), r.GetFieldValue<byte[]>(9));

    /// <summary>A row of <see cref="IdeaColumns"/>.</summary>
    public static StoredIdea Idea(DbDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3),
        NullableString(r, 4), NullableString(r, 5), NullableTime(r, 6), NullableString(r, 7));

    /// <summary>A row of <see cref="CommitmentColumns"/>.</summary>
    public static StoredCommitment Commitment(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), FromUnixMs(r.GetInt64(7)), NullableString(r, 8));

    /// <summary>An audit row: bill, time, participant, role, action, detail.</summary>
    public static AuditEntry Audit(DbDataReader r) => new(
        r.GetString(0), FromUnixMs(r.GetInt64(1)), NullableString(r, 2), NullableString(r, 3), r.GetString(4), r.GetString(5));
}
