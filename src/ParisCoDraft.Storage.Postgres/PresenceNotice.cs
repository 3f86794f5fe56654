using System.Text;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// The NOTIFY payload of presence (cursors, who is here) shared between processes on
/// <see cref="PostgresDraftingStore.PresenceChannel"/>: a header line <c>K origin [bill]</c> (K = S, Q, H or L)
/// and, for <see cref="PresenceNoticeKind.States"/>, a body of lines the caller formats. Unlike documents and
/// deliberation, presence is not stored: the states travel in the payload, so a payload must stay under
/// <see cref="MaxPayloadBytes"/> (PostgreSQL refuses 8000 bytes or more); the sender splits larger batches.
/// </summary>
public sealed record PresenceNotice(PresenceNoticeKind Kind, string Origin, string? BillId, string Body)
{
    /// <summary>Largest payload PostgreSQL's NOTIFY accepts (UTF-8 bytes, in a UTF-8 database).</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>The payload.</summary>
    public string Format() => Kind switch
    {
        PresenceNoticeKind.States => "S " + Origin + " " + BillId + "\n" + Body,
        PresenceNoticeKind.Query => "Q " + Origin + " " + BillId,
        PresenceNoticeKind.Heartbeat => "H " + Origin,
        _ => "L " + Origin,
    };

    /// <summary>Bytes of the header of a states notice for this origin and bill (what is left is for the body).</summary>
    public static int HeaderBytes(string origin, string billId) =>
        Encoding.UTF8.GetByteCount(origin) + Encoding.UTF8.GetByteCount(billId) + 5;

    /// <summary>Reads a payload; null when it is not one of ours.</summary>
    public static PresenceNotice? Parse(string payload)
    {
        var newline = payload.IndexOf('\n', StringComparison.Ordinal);
        var header = (newline < 0 ? payload : payload[..newline]).Split(' ');
        var body = newline < 0 ? "" : payload[(newline + 1)..];
        if (header.Length < 2 || header[0].Length != 1 || header[1].Length == 0) return null;
        return (header[0][0], header.Length) switch
        {
            ('S', 3) when newline >= 0 => new PresenceNotice(PresenceNoticeKind.States, header[1], header[2], body),
            ('Q', 3) => new PresenceNotice(PresenceNoticeKind.Query, header[1], header[2], ""),
            ('H', 2) => new PresenceNotice(PresenceNoticeKind.Heartbeat, header[1], null, ""),
            ('L', 2) => new PresenceNotice(PresenceNoticeKind.Leaving, header[1], null, ""),
            _ => null,
        };
    }
}
