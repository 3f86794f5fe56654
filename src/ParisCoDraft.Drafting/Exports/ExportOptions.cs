using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>What an export says about itself, and its annex.</summary>
/// <param name="VersionLabel">The version's label (e.g. "v3 — après l'atelier 2").</param>
/// <param name="Timestamp">When the version was taken.</param>
/// <param name="Annex">The annex records, or null for none.</param>
/// <param name="Language">The language of the export's labels and dates (French by default).</param>
public sealed record ExportOptions(string VersionLabel, DateTimeOffset Timestamp, ExportAnnex? Annex = null, ExportLanguage Language = ExportLanguage.French)
{
    /// <summary>The label table of <see cref="Language"/>.</summary>
    public ExportLabels Labels => ExportLabels.For(Language);

    /// <summary>
    /// A bilingual bill's Markdown export: the language of the text written (one file per language); null for the
    /// primary language. The other formats carry both languages and ignore it.
    /// </summary>
    public string? TextLanguage { get; init; }

    /// <summary>The SHA-256 the version line shows, when the text exported is one language of a bilingual bill (whose hash covers both).</summary>
    internal string? TextSha256 { get; init; }

    /// <summary>These options for writing one language of a bilingual bill: that language's labels when it has them, the whole bill's hash.</summary>
    internal ExportOptions ForLanguage(string language, BillText bill) => this with
    {
        Language = ExportLabels.TryParse(language, out var own) ? own : Language,
        TextSha256 = bill.Sha256(),
    };
}
