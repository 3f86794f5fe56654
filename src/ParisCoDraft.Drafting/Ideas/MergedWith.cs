namespace ParisCoDraft.Drafting.Ideas;

/// <summary>The idea was merged with other ideas (at least one) and follows their fate.</summary>
public sealed record MergedWith : IdeaDisposition
{
    /// <summary>Creates the disposition; <paramref name="ideaNumbers"/> must not be empty.</summary>
    public MergedWith(params IReadOnlyList<int> ideaNumbers)
    {
        if (ideaNumbers.Count == 0) throw new ArgumentException("An idea merged with others needs at least one other idea.", nameof(ideaNumbers));
        IdeaNumbers = ideaNumbers;
    }

    /// <summary>The ideas it was merged with.</summary>
    public IReadOnlyList<int> IdeaNumbers { get; }
}
