using ParisCoDraft.Crdt;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>
/// A bilingual bill's two languages, declared in the Y.Doc (docs/document-model.md, "Bilingual bills"): the root
/// map <c>bill</c> holds <c>languages</c> = "fr,en", the first being the primary language whose text lives in each
/// clause's <c>heading</c>/<c>body</c>; the other language's text lives in <c>heading.en</c>/<c>body.en</c>.
/// A bill without that entry is monolingual and reads exactly as before.
/// </summary>
public static class BillLanguages
{
    /// <summary>Root Y.Map of bill-wide settings kept in the document.</summary>
    public const string SettingsRoot = "bill";

    /// <summary>Key of <see cref="SettingsRoot"/> holding the comma-separated language codes.</summary>
    public const string LanguagesKey = "languages";

    /// <summary>Key of a clause map holding the texts it was last confirmed aligned on (JSON, last writer wins).</summary>
    public const string ReviewedKey = "reviewed";

    /// <summary>The languages a bill may be written in: ISO 639-1 code and ISO 639-2 code (Akoma Ntoso's FRBRlanguage).</summary>
    public static IReadOnlyDictionary<string, string> Supported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fr"] = "fra",
        ["en"] = "eng",
        ["de"] = "deu",
        ["es"] = "spa",
        ["it"] = "ita",
        ["nl"] = "nld",
        ["pt"] = "por",
    };

    /// <summary>The declared languages, primary first; empty for a monolingual bill (or an unreadable entry).</summary>
    public static IReadOnlyList<string> Read(Doc doc, Snapshot? snapshot = null)
    {
        var settings = doc.GetMap(SettingsRoot);
        var raw = snapshot is null ? settings.Get(LanguagesKey) : settings.Get(LanguagesKey, snapshot);
        return Parse(raw as string);
    }

    /// <summary>"fr,en" as a list, or empty when it is not two distinct supported codes.</summary>
    public static IReadOnlyList<string> Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return [];
        var codes = value.Split(',');
        return codes.Length == 2 && codes[0] != codes[1] && codes.All(Supported.ContainsKey) ? codes : [];
    }

    /// <summary>Checks a declaration; returns an error message, or null when it is acceptable.</summary>
    public static string? Validate(IReadOnlyList<string>? languages) =>
        languages is null || languages.Count != 2 || languages[0] == languages[1] || !languages.All(Supported.ContainsKey)
            ? $"A bilingual bill has two different languages among {string.Join(", ", Supported.Keys)}."
            : null;

    /// <summary>
    /// Declares the bill bilingual: writes the languages, and gives every clause an empty text in the second language
    /// (never confirmed, so that language is "to review" against the whole primary text), in one transaction (so no two people ever create the same clause's
    /// second text concurrently). The title and preamble of the second language are root texts, created on first use.
    /// A bill is declared once.
    /// </summary>
    public static void Declare(Doc doc, IReadOnlyList<string> languages)
    {
        if (Validate(languages) is { } error) throw new ArgumentException(error, nameof(languages));
        var current = Read(doc);
        if (current.Count > 0)
        {
            if (current.SequenceEqual(languages)) return;
            throw new InvalidOperationException("This bill is already bilingual in other languages.");
        }
        doc.Transact(_ =>
        {
            doc.GetMap(SettingsRoot).Set(LanguagesKey, string.Join(",", languages));
            foreach (var (_, value) in doc.GetMap(BillDocument.ClausesRoot).Entries)
            {
                if (value is YMap map) AddTexts(map, languages);
            }
        });
    }

    /// <summary>The clause-map key of the heading in <paramref name="language"/> (the primary language uses "heading").</summary>
    public static string HeadingKey(IReadOnlyList<string> languages, string language) =>
        languages.Count == 0 || language == languages[0] ? "heading" : "heading." + language;

    /// <summary>The clause-map key of the body in <paramref name="language"/> (the primary language uses "body").</summary>
    public static string BodyKey(IReadOnlyList<string> languages, string language) =>
        languages.Count == 0 || language == languages[0] ? "body" : "body." + language;

    /// <summary>The root Y.Text name of the title in <paramref name="language"/>.</summary>
    public static string TitleRoot(IReadOnlyList<string> languages, string language) =>
        languages.Count == 0 || language == languages[0] ? BillDocument.TitleRoot : BillDocument.TitleRoot + "." + language;

    /// <summary>The root Y.Text name of the preamble in <paramref name="language"/>.</summary>
    public static string PreambleRoot(IReadOnlyList<string> languages, string language) =>
        languages.Count == 0 || language == languages[0] ? BillDocument.PreambleRoot : BillDocument.PreambleRoot + "." + language;

    /// <summary>
    /// A translator confirms that the texts of a clause say the same thing: records each language's current text as
    /// the aligned one, which clears every "to review" flag of the clause until one of its texts changes again.
    /// </summary>
    public static void ConfirmAligned(Doc doc, string clauseId) =>
        doc.Transact(_ =>
        {
            var languages = Read(doc);
            if (languages.Count == 0) throw new InvalidOperationException("This bill is not bilingual.");
            var map = BillDocument.ClauseMap(doc, clauseId);
            map.Set(ReviewedKey, ClauseReview.Serialize(CurrentTexts(map, languages)));
        });

    /// <summary>Gives a clause of a bilingual bill its empty second-language texts (not yet confirmed: the translation is to do).</summary>
    internal static void AddTexts(YMap map, IReadOnlyList<string> languages)
    {
        foreach (var language in languages.Skip(1))
        {
            if (map.Get(HeadingKey(languages, language)) is not YText) map.Set(HeadingKey(languages, language), new YText());
            if (map.Get(BodyKey(languages, language)) is not YText) map.Set(BodyKey(languages, language), new YText());
        }
    }

    private static Dictionary<string, ClauseTranslation> CurrentTexts(YMap map, IReadOnlyList<string> languages)
    {
        var texts = new Dictionary<string, ClauseTranslation>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            texts[language] = new ClauseTranslation(
                map.Get(HeadingKey(languages, language)) is YText h ? h.ToString() : "",
                map.Get(BodyKey(languages, language)) is YText b ? b.ToString() : "");
        }
        return texts;
    }
}
