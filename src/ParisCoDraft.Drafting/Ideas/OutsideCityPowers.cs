namespace ParisCoDraft.Drafting.Ideas;

/// <summary>The idea is outside what the City may decide.</summary>
/// <param name="Note">Who holds the power, optionally.</param>
public sealed record OutsideCityPowers(string? Note = null) : IdeaDisposition;
