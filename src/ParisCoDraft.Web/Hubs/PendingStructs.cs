using ParisCoDraft.Crdt;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// The structs a document holds but cannot integrate yet (their origins are missing). The server's step 2 sends
/// them along, so a reader's step 2 sends them back: they are not new content, and a reader sending them is not
/// writing. Without this, one stored update with a gap made every observer's and clerk's sync fail with
/// <c>read-only</c>.
/// </summary>
internal sealed class PendingStructs
{
    private readonly Dictionary<long, List<(long Start, long End)>> _ranges = [];

    private PendingStructs(Doc doc)
    {
        foreach (var (client, clock, length) in doc.PendingStructRanges)
        {
            if (!_ranges.TryGetValue(client, out var list)) _ranges[client] = list = [];
            list.Add((clock, clock + length));
        }
        foreach (var list in _ranges.Values) list.Sort();
    }

    /// <summary>The pending structs of <paramref name="doc"/>, or null when it has none (the usual case).</summary>
    public static PendingStructs? Of(Doc doc) => doc.HasPending ? new PendingStructs(doc) : null;

    /// <summary>Whether the clocks [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="client"/> are all pending.</summary>
    public bool Cover(long client, long from, long to)
    {
        if (!_ranges.TryGetValue(client, out var list)) return false;
        foreach (var (start, end) in list)
        {
            if (start > from) return false;
            if (end > from) from = end;
            if (from >= to) return true;
        }
        return false;
    }
}
