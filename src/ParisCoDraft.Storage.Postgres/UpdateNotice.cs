using System.Globalization;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// The NOTIFY payload of one append transaction for one bill: who appended (<see cref="Origin"/>), and the
/// bill's sequence numbers <see cref="First"/>..<see cref="Last"/> (<see cref="Count"/> rows, no other row
/// of that bill in between). A few dozen bytes, far under NOTIFY's 8000-byte limit.
/// </summary>
public sealed record UpdateNotice(string Origin, string BillId, long First, long Last, int Count)
{
    /// <summary>"origin bill first last count".</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Origin} {BillId} {First} {Last} {Count}");

    /// <summary>Reads a payload; null when it is not one of ours.</summary>
    public static UpdateNotice? Parse(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length != 5) return null;
        var inv = CultureInfo.InvariantCulture;
        if (!long.TryParse(parts[2], NumberStyles.None, inv, out var first) ||
            !long.TryParse(parts[3], NumberStyles.None, inv, out var last) ||
            !int.TryParse(parts[4], NumberStyles.None, inv, out var count) || count < 1 || last < first)
        {
            return null;
        }
        return new UpdateNotice(parts[0], parts[1], first, last, count);
    }
}
