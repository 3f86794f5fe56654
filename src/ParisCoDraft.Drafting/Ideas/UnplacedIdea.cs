namespace ParisCoDraft.Drafting.Ideas;

/// <summary>An idea the bill does not account for yet, and why.</summary>
public sealed record UnplacedIdea(Idea Idea, UnplacedReason Reason);
