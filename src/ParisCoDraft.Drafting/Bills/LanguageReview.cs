namespace ParisCoDraft.Drafting.Bills;

/// <summary>Whether one language's text of a bilingual clause is to review, and against what change.</summary>
/// <param name="Language">The language whose text may need reviewing.</param>
/// <param name="ToReview">True when another language's text changed since the clause was last confirmed aligned.</param>
/// <param name="Against">The language whose text changed, when to review.</param>
/// <param name="Was">That text as last confirmed, when to review.</param>
/// <param name="Now">That text now, when to review.</param>
public sealed record LanguageReview(string Language, bool ToReview, string? Against, ClauseTranslation? Was, ClauseTranslation? Now);
