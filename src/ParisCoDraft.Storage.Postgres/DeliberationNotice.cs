using System.Globalization;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// The NOTIFY payload of one deliberation change: who wrote it (<see cref="Origin"/>), the bill, and the
/// bill's deliberation revision after it. A few dozen bytes: the change itself is read from the store.
/// </summary>
public sealed record DeliberationNotice(string Origin, string BillId, long Revision)
{
    /// <summary>"origin bill revision".</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Origin} {BillId} {Revision}");

    /// <summary>Reads a payload; null when it is not one of ours.</summary>
    public static DeliberationNotice? Parse(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)) return null;
        return new DeliberationNotice(parts[0], parts[1], revision);
    }
}
