namespace ParisCoDraft.Drafting.Workshops;

/// <summary>What the default pairing of versions needs to know of one version.</summary>
/// <param name="Id">The version's id.</param>
/// <param name="Number">Its number (order taken).</param>
/// <param name="Kind">One of <see cref="VersionKinds"/>.</param>
/// <param name="WorkshopId">The workshop it opened or closed, if any.</param>
public sealed record VersionRef(string Id, int Number, string Kind, string? WorkshopId);
