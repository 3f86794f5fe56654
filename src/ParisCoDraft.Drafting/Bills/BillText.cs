using System.Security.Cryptography;
using System.Text;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>The whole text of a bill at a moment: what people read, vote on and export.</summary>
/// <param name="Title">The title.</param>
/// <param name="Preamble">The preamble, Markdown.</param>
/// <param name="Clauses">Active clauses in article order.</param>
/// <param name="Withdrawn">Withdrawn clauses, by order key.</param>
public sealed record BillText(string Title, string Preamble, IReadOnlyList<Clause> Clauses, IReadOnlyList<Clause> Withdrawn)
{
    /// <summary>A bilingual bill's two languages, primary first (<see cref="BillLanguages"/>); empty when monolingual.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>A bilingual bill's title and preamble in each language other than the primary one (Heading = title, Body = preamble).</summary>
    public IReadOnlyDictionary<string, ClauseTranslation> TitleTranslations { get; init; } = new Dictionary<string, ClauseTranslation>();

    /// <summary>True when the bill is declared bilingual.</summary>
    public bool IsBilingual => Languages.Count > 1;

    /// <summary>
    /// The bill as read in one of its languages: title, preamble and every clause in <paramref name="language"/>, as a
    /// monolingual text (diffs, versions and one-language exports work on it). A monolingual bill is returned as is.
    /// </summary>
    public BillText InLanguage(string language)
    {
        if (!IsBilingual) return this;
        if (!Languages.Contains(language)) throw new ArgumentException($"This bill is not written in '{language}'.", nameof(language));
        var primary = language == Languages[0];
        var front = primary ? new ClauseTranslation(Title, Preamble)
            : TitleTranslations.TryGetValue(language, out var t) ? t : new ClauseTranslation("", "");
        return new BillText(front.Heading, front.Body,
            [.. Clauses.Select(c => c.InLanguage(language, Languages))],
            [.. Withdrawn.Select(c => c.InLanguage(language, Languages))]);
    }

    /// <summary>
    /// The canonical plain text of the bill (title, preamble, numbered articles), the one whose SHA-256
    /// identifies the exact text voted on or exported. A bilingual bill's is each language's text in turn, each under
    /// a "[fr]" line, so its hash covers both.
    /// </summary>
    public string ToCanonicalText()
    {
        if (IsBilingual)
        {
            var all = new StringBuilder();
            foreach (var language in Languages) all.Append('[').Append(language).Append("]\n\n").Append(InLanguage(language).ToCanonicalText());
            return all.ToString();
        }

        var sb = new StringBuilder();
        sb.Append(Title.Trim()).Append("\n\n");
        if (Preamble.Trim().Length > 0) sb.Append(Preamble.Trim()).Append("\n\n");
        foreach (var c in Clauses)
        {
            sb.Append("Article ").Append(c.Number);
            if (c.Heading.Trim().Length > 0) sb.Append(" — ").Append(c.Heading.Trim());
            sb.Append("\n\n").Append(c.Body.Trim()).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalText"/> in UTF-8.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalText())));
}
