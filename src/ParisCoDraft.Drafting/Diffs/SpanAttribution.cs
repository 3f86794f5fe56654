using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>An <see cref="IAttribution"/> over a list of spans: a range is attributed to every group whose span overlaps it.</summary>
public sealed class SpanAttribution : IAttribution
{
    // Per text: spans sorted by start, with the running maximum of their ends, so a query is a binary
    // search plus a walk back over the spans that can still reach it (a diff asks once per run).
    private readonly Dictionary<(DiffField, string?, bool), (AttributedSpan[] Spans, int[] MaxEnd)> _spans = [];

    /// <summary>Indexes <paramref name="spans"/>.</summary>
    public SpanAttribution(IEnumerable<AttributedSpan> spans)
    {
        foreach (var group in spans.GroupBy(s => (s.Field, s.ClauseId, s.Deleted)))
        {
            var sorted = group.OrderBy(s => s.Start).ToArray();
            var maxEnd = new int[sorted.Length];
            var max = int.MinValue;
            for (var i = 0; i < sorted.Length; i++)
            {
                max = Math.Max(max, sorted[i].Start + sorted[i].Length);
                maxEnd[i] = max;
            }
            _spans[group.Key] = (sorted, maxEnd);
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<StakeholderGroup> InsertedBy(DiffField field, string? clauseId, int start, int length) =>
        Overlapping(field, clauseId, false, start, length);

    /// <inheritdoc />
    public IReadOnlyCollection<StakeholderGroup> DeletedBy(DiffField field, string? clauseId, int start, int length) =>
        Overlapping(field, clauseId, true, start, length);

    private StakeholderGroup[] Overlapping(DiffField field, string? clauseId, bool deleted, int start, int length)
    {
        if (!_spans.TryGetValue((field, clauseId, deleted), out var index)) return [];
        var (spans, maxEnd) = index;
        var end = start + length;
        // First span starting at or after the end of the range: it and those after cannot overlap.
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (spans[mid].Start < end) lo = mid + 1; else hi = mid;
        }
        var found = 0u;
        for (var i = lo - 1; i >= 0 && maxEnd[i] > start; i--)
        {
            if (spans[i].Start + spans[i].Length > start) found |= 1u << (int)spans[i].Group;
        }
        if (found == 0) return [];
        var result = new List<StakeholderGroup>(3);
        foreach (var g in Enum.GetValues<StakeholderGroup>())
        {
            if ((found & (1u << (int)g)) != 0) result.Add(g);
        }
        return [.. result];
    }
}
