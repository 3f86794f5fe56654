namespace ParisCoDraft.Drafting.Exports;

/// <summary>An annex line: what became of one of the assembly's ideas.</summary>
/// <param name="IdeaNumber">The idea's number.</param>
/// <param name="Title">The idea's title.</param>
/// <param name="Outcome">What became of it, in words.</param>
/// <param name="ClauseIds">The clauses carrying it (shown as article numbers).</param>
public sealed record IdeaTraceRow(int IdeaNumber, string Title, string Outcome, IReadOnlyList<string> ClauseIds);
