namespace ParisCoDraft.Drafting.Ideas;

/// <summary>An idea list that cannot be read; <see cref="Line"/> points at the faulty line (1-based).</summary>
public sealed class IdeaImportException(int line, string problem)
    : Exception($"Line {line}: {problem}")
{
    /// <summary>The 1-based line where the problem is (for CSV, where the faulty record starts, or where an open quote began).</summary>
    public int Line { get; } = line;

    /// <summary>The problem, without the line number.</summary>
    public string Problem { get; } = problem;
}
