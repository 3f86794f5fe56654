namespace ParisCoDraft.Drafting.Bills;

/// <summary>One clause as read from the bill's document at a moment.</summary>
/// <param name="Id">Stable id (docs/document-model.md).</param>
/// <param name="Number">"Article N" number, 1-based; 0 for a withdrawn clause.</param>
/// <param name="Heading">The heading text.</param>
/// <param name="Body">The body, Markdown.</param>
/// <param name="Order">The fractional order key.</param>
/// <param name="State">Active or withdrawn.</param>
/// <param name="MergedInto">The clause it was merged into, if any.</param>
/// <param name="SplitFrom">The clause it was split from, if any.</param>
public sealed record Clause(
    string Id,
    int Number,
    string Heading,
    string Body,
    string Order,
    ClauseState State,
    string? MergedInto,
    string? SplitFrom)
{
    /// <summary>A bilingual bill's clause: its text in each language other than the primary one (empty when monolingual).</summary>
    public IReadOnlyDictionary<string, ClauseTranslation> Translations { get; init; } = Empty;

    /// <summary>A bilingual bill's clause: the texts last confirmed aligned, per language (null: never confirmed).</summary>
    public IReadOnlyDictionary<string, ClauseTranslation>? Reviewed { get; init; }

    private static readonly IReadOnlyDictionary<string, ClauseTranslation> Empty = new Dictionary<string, ClauseTranslation>();

    /// <summary>The clause's text in <paramref name="language"/> of a bill written in <paramref name="languages"/>.</summary>
    public ClauseTranslation TextIn(string language, IReadOnlyList<string> languages) =>
        languages.Count == 0 || language == languages[0] ? new ClauseTranslation(Heading, Body)
        : Translations.TryGetValue(language, out var text) ? text : new ClauseTranslation("", "");

    /// <summary>This clause as read in <paramref name="language"/>: heading and body in that language, no translations.</summary>
    public Clause InLanguage(string language, IReadOnlyList<string> languages)
    {
        var text = TextIn(language, languages);
        return this with { Heading = text.Heading, Body = text.Body, Translations = Empty, Reviewed = null };
    }
}
