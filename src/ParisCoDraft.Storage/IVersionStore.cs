namespace ParisCoDraft.Storage;

/// <summary>
/// The store's tables for workshops, versions, authorship, ideas and follow-up, beside
/// <see cref="IDraftingStore"/>. Every method is safe to call concurrently. Versions are kept forever:
/// the store refuses to change or delete one.
/// </summary>
public interface IVersionStore
{
    // ---- workshops

    /// <summary>Adds a planned workshop.</summary>
    Task CreateWorkshopAsync(StoredWorkshop workshop, CancellationToken cancellationToken);

    /// <summary>A bill's workshops, by date then creation.</summary>
    Task<IReadOnlyList<StoredWorkshop>> ListWorkshopsAsync(string billId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a workshop from <paramref name="fromState"/> to <paramref name="toState"/> (stamping
    /// opened/closed with <paramref name="when"/>) and adds <paramref name="version"/>, in one transaction.
    /// Returns the version as stored (with its number), or null (nothing changed) when the workshop is
    /// not in <paramref name="fromState"/> or, when opening, another workshop of the bill is open.
    /// </summary>
    Task<StoredVersion?> MoveWorkshopAsync(
        string billId, string workshopId, string fromState, string toState, DateTimeOffset when, StoredVersion version,
        CancellationToken cancellationToken);

    // ---- versions

    /// <summary>Adds a version; the store numbers it (the bill's highest number + 1) and returns it.</summary>
    Task<StoredVersion> AddVersionAsync(StoredVersion version, CancellationToken cancellationToken);

    /// <summary>A bill's versions, by number.</summary>
    Task<IReadOnlyList<StoredVersion>> ListVersionsAsync(string billId, CancellationToken cancellationToken);

    /// <summary>One version of a bill, or null.</summary>
    Task<StoredVersion?> GetVersionAsync(string billId, string versionId, CancellationToken cancellationToken);

    // ---- authorship

    /// <summary>Records who deleted which items (one transaction).</summary>
    Task RecordDeletionsAsync(IReadOnlyList<StoredDeletion> deletions, CancellationToken cancellationToken);

    /// <summary>A bill's deletion records, oldest first.</summary>
    Task<IReadOnlyList<StoredDeletion>> ListDeletionsAsync(string billId, CancellationToken cancellationToken);

    /// <summary>A bill's client-id bindings.</summary>
    Task<IReadOnlyList<ClientBinding>> ListClientBindingsAsync(string billId, CancellationToken cancellationToken);

    // ---- ideas

    /// <summary>
    /// Imports ideas: new numbers are added, existing numbers get the new title, text and group and keep
    /// their disposition. One transaction.
    /// </summary>
    Task ImportIdeasAsync(string billId, IReadOnlyList<StoredIdea> ideas, CancellationToken cancellationToken);

    /// <summary>A bill's ideas, by number.</summary>
    Task<IReadOnlyList<StoredIdea>> ListIdeasAsync(string billId, CancellationToken cancellationToken);

    /// <summary>Sets (or clears, with null) an idea's disposition; false when the bill has no such idea.</summary>
    Task<bool> SetIdeaDispositionAsync(
        string billId, int number, string? dispositionJson, DateTimeOffset when, string? by, CancellationToken cancellationToken);

    // ---- follow-up

    /// <summary>Adds or replaces a commitment (by id).</summary>
    Task SaveCommitmentAsync(StoredCommitment commitment, CancellationToken cancellationToken);

    /// <summary>Deletes a commitment; false when the bill has no such commitment.</summary>
    Task<bool> DeleteCommitmentAsync(string billId, string commitmentId, CancellationToken cancellationToken);

    /// <summary>A bill's commitments, by due date.</summary>
    Task<IReadOnlyList<StoredCommitment>> ListCommitmentsAsync(string billId, CancellationToken cancellationToken);

    /// <summary>The day the bill was adopted (ISO date), as recorded for the follow-up, or null.</summary>
    Task<string?> GetAdoptionDateAsync(string billId, CancellationToken cancellationToken);

    /// <summary>Records (or clears) the adoption day used for the follow-up's default due dates.</summary>
    Task SetAdoptionDateAsync(string billId, string? date, CancellationToken cancellationToken);
}
