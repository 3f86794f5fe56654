namespace ParisCoDraft.Storage;

/// <summary>A version of a bill: a CRDT snapshot (state vector + delete set) kept forever.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="BillId">The bill.</param>
/// <param name="Number">1, 2, 3… in the order taken; given by the store.</param>
/// <param name="Label">What people call it ("Fin de l'atelier 2").</param>
/// <param name="Kind"><c>named</c>, <c>workshop-open</c> or <c>workshop-close</c>.</param>
/// <param name="WorkshopId">The workshop it opened or closed, if any.</param>
/// <param name="Taken">When.</param>
/// <param name="TakenBy">The participant who took it (null for the server).</param>
/// <param name="Sha256">SHA-256 of the bill's canonical text at that point.</param>
/// <param name="Snapshot">The encoded Yjs snapshot.</param>
public sealed record StoredVersion(
    string Id,
    string BillId,
    int Number,
    string Label,
    string Kind,
    string? WorkshopId,
    DateTimeOffset Taken,
    string? TakenBy,
    string Sha256,
    byte[] Snapshot);
