namespace ParisCoDraft.Drafting.Ideas;

/// <summary>One idea's line in the matrix.</summary>
/// <param name="Idea">The idea.</param>
/// <param name="Disposition">Its recorded disposition, if any.</param>
/// <param name="ClauseIds">The articles carrying it, in article order (through merged ideas too).</param>
/// <param name="Placed">Whether the bill accounts for it.</param>
public sealed record TraceabilityRow(Idea Idea, IdeaDisposition? Disposition, IReadOnlyList<string> ClauseIds, bool Placed);
