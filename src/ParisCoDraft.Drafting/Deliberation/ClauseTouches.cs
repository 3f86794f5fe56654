namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>What <see cref="ClauseTextChanges.Find"/> found.</summary>
/// <param name="Clauses">Clauses whose heading or body (or the clause map itself) the update changes.</param>
/// <param name="Unresolved">Some content could not be placed (it depends on structs the server lacks).</param>
/// <param name="ChangesAnything">The update inserts something new or deletes something still visible, anywhere.</param>
public sealed record ClauseTouches(IReadOnlySet<string> Clauses, bool Unresolved, bool ChangesAnything);
