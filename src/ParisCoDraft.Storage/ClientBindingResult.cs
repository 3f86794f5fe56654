namespace ParisCoDraft.Storage;

/// <summary>
/// The outcome of binding Yjs client ids to a participant: the ids now bound to them and those already
/// bound to someone else (left untouched).
/// </summary>
public sealed record ClientBindingResult(IReadOnlyList<long> Bound, IReadOnlyList<long> Foreign);
