using System.Text.Json;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>
/// The "to review" flags of a bilingual clause, computed from the document alone so every replica agrees: the clause
/// keeps (key <c>reviewed</c>) the texts of each language as they were when a translator last confirmed them aligned.
/// A language is to review when another language's text has changed since; what changed is that other text, from
/// its confirmed wording to its current one. Confirming records the current texts, which clears the flags. A clause
/// never confirmed counts as aligned on empty texts: its second language is to review as soon as the first has text.
/// </summary>
public static class ClauseReview
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The review state of each language of <paramref name="clause"/>, in the bill's language order; empty when monolingual.</summary>
    public static IReadOnlyList<LanguageReview> Of(Clause clause, IReadOnlyList<string> languages)
    {
        if (languages.Count < 2) return [];
        var reviewed = clause.Reviewed;
        var changed = new List<string>();
        foreach (var language in languages)
        {
            var now = clause.TextIn(language, languages);
            var was = reviewed is not null && reviewed.TryGetValue(language, out var r) ? r : new ClauseTranslation("", "");
            if (now != was) changed.Add(language);
        }
        var result = new List<LanguageReview>();
        foreach (var language in languages)
        {
            var against = changed.FirstOrDefault(c => c != language);
            result.Add(against is null
                ? new LanguageReview(language, false, null, null, null)
                : new LanguageReview(language, true, against,
                    reviewed is not null && reviewed.TryGetValue(against, out var was) ? was : new ClauseTranslation("", ""),
                    clause.TextIn(against, languages)));
        }
        return result;
    }

    /// <summary>The <c>reviewed</c> value: {"fr":{"heading":…,"body":…},"en":{…}}.</summary>
    public static string Serialize(IReadOnlyDictionary<string, ClauseTranslation> texts) => JsonSerializer.Serialize(texts, Json);

    /// <summary>The texts recorded in a <c>reviewed</c> value, or null when absent or unreadable (read as never confirmed).</summary>
    public static IReadOnlyDictionary<string, ClauseTranslation>? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, ClauseTranslation>>(value, Json);
            return texts is not null && texts.Values.All(t => t is { Heading: not null, Body: not null }) ? texts : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
