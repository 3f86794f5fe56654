namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What <see cref="ClauseAuthorship"/> needs to name the authors of clause-level changes.</summary>
/// <param name="Clients">Participant bound to each client id (at join, or by the server for an adoption).</param>
/// <param name="AdoptedNewClauses">Ids of clauses created by adopting an amendment that proposed a new clause.</param>
public sealed record ClauseWriters(IReadOnlyDictionary<long, ChangeWriter> Clients, IReadOnlySet<string> AdoptedNewClauses)
{
    /// <summary>Nobody bound to anything: every clause-level change is "unknown".</summary>
    public static ClauseWriters None { get; } = new(new Dictionary<long, ChangeWriter>(), new HashSet<string>(StringComparer.Ordinal));
}
