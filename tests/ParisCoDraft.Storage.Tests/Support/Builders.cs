namespace ParisCoDraft.Storage.Tests.Support;

/// <summary>Test data for the store contract.</summary>
public static class Builders
{
    /// <summary>A fixed "now" (2026), in whole milliseconds as both engines store it.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    /// <summary>A bill with an empty document and no people.</summary>
    public static NewBill Bill(string id, params InviteRecord[] invites) =>
        new(new BillRecord(id, "Projet " + id, Now), [0, 0], invites, null, null, null);

    /// <summary>An invite whose secret hash is derived from its id.</summary>
    public static InviteRecord Invite(string id, string billId, string role = "citizen") =>
        new(id, billId, role, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("secret-" + id)), Now, null);

    /// <summary>A participant (optionally joined through an invite).</summary>
    public static ParticipantRecord Participant(string id, string billId, string? inviteId = null) =>
        new(id, billId, "Nom " + id, "citizen", inviteId, Now);

    /// <summary>A session whose token hash is derived from its name.</summary>
    public static SessionRecord Session(string token, string participantId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("token-" + token)), participantId, Now);

    /// <summary>An audit line.</summary>
    public static AuditEntry Audit(string billId, string action, string detail = "{}") => new(billId, Now, null, null, action, detail);

    /// <summary>A version of a bill (the store numbers it).</summary>
    public static StoredVersion Version(string id, string billId, string label = "v", string kind = "named", byte[]? snapshot = null) =>
        new(id, billId, 0, label, kind, null, Now, null, "sha-" + id, snapshot ?? [1, 2, 3]);
}
