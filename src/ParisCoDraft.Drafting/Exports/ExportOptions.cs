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
}
