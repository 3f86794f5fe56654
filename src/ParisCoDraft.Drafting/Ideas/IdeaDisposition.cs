namespace ParisCoDraft.Drafting.Ideas;

/// <summary>
/// What became of an idea: carried in clauses, merged with other ideas, already done by the City, outside
/// the City's powers, or set aside with a reason.
/// </summary>
public abstract record IdeaDisposition;
