namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>Where a comment's anchored range is now in its clause's text.</summary>
/// <param name="From">Start offset in the field's text (UTF-16 units).</param>
/// <param name="To">End offset.</param>
/// <param name="Quote">The text now between the two ends.</param>
/// <param name="Deleted">The anchored text is gone (the range collapsed, or the field was replaced).</param>
public sealed record AnchorResolution(int From, int To, string Quote, bool Deleted);
