namespace ParisCoDraft.Drafting.Ideas;

/// <summary>The City already does it; no clause needed.</summary>
/// <param name="Note">Where or how, optionally.</param>
public sealed record AlreadyDoneByCity(string? Note = null) : IdeaDisposition;
