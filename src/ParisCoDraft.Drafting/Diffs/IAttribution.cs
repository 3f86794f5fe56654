using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Tells who wrote or deleted text between two versions. The caller builds it from the document's history
/// (for instance from the CRDT items' client ids and the session that owned each client id); the diff asks
/// it about every inserted and deleted run.
/// </summary>
public interface IAttribution
{
    /// <summary>The groups who wrote the characters [<paramref name="start"/>, start + length) of the newer text.</summary>
    /// <param name="field">Title, preamble, heading or body.</param>
    /// <param name="clauseId">The clause, for a heading or body; null for title and preamble.</param>
    /// <param name="start">UTF-16 offset in the newer text.</param>
    /// <param name="length">UTF-16 length.</param>
    IReadOnlyCollection<StakeholderGroup> InsertedBy(DiffField field, string? clauseId, int start, int length);

    /// <summary>The groups who deleted the characters [<paramref name="start"/>, start + length) of the older text.</summary>
    /// <param name="field">Title, preamble, heading or body.</param>
    /// <param name="clauseId">The clause, for a heading or body; null for title and preamble.</param>
    /// <param name="start">UTF-16 offset in the older text.</param>
    /// <param name="length">UTF-16 length.</param>
    IReadOnlyCollection<StakeholderGroup> DeletedBy(DiffField field, string? clauseId, int start, int length);
}
