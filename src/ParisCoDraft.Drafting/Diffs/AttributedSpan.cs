using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>A span of text one group inserted (in the newer text) or deleted (from the older text).</summary>
/// <param name="Field">Title, preamble, heading or body.</param>
/// <param name="ClauseId">The clause, or null for title and preamble.</param>
/// <param name="Deleted">False: the span is in the newer text and was inserted; true: it is in the older text and was deleted.</param>
/// <param name="Start">UTF-16 offset.</param>
/// <param name="Length">UTF-16 length.</param>
/// <param name="Group">Who did it.</param>
public sealed record AttributedSpan(DiffField Field, string? ClauseId, bool Deleted, int Start, int Length, StakeholderGroup Group);
