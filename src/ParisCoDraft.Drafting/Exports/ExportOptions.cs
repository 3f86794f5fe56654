namespace ParisCoDraft.Drafting.Exports;

/// <summary>What an export says about itself, and its annex.</summary>
/// <param name="VersionLabel">The version's label (e.g. "v3 — après l'atelier 2").</param>
/// <param name="Timestamp">When the version was taken.</param>
/// <param name="Annex">The annex records, or null for none.</param>
public sealed record ExportOptions(string VersionLabel, DateTimeOffset Timestamp, ExportAnnex? Annex = null);
