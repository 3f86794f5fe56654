using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>An <see cref="IAttribution"/> over a list of spans: a range is attributed to every group whose span overlaps it.</summary>
public sealed class SpanAttribution(IEnumerable<AttributedSpan> spans) : IAttribution
{
    private readonly ILookup<(DiffField, string?, bool), AttributedSpan> _spans =
        spans.ToLookup(s => (s.Field, s.ClauseId, s.Deleted));

    /// <inheritdoc />
    public IReadOnlyCollection<StakeholderGroup> InsertedBy(DiffField field, string? clauseId, int start, int length) =>
        Overlapping(field, clauseId, false, start, length);

    /// <inheritdoc />
    public IReadOnlyCollection<StakeholderGroup> DeletedBy(DiffField field, string? clauseId, int start, int length) =>
        Overlapping(field, clauseId, true, start, length);

    private StakeholderGroup[] Overlapping(DiffField field, string? clauseId, bool deleted, int start, int length) =>
        _spans[(field, clauseId, deleted)]
            .Where(s => s.Start < start + length && start < s.Start + s.Length)
            .Select(s => s.Group)
            .Distinct()
            .Order()
            .ToArray();
}
