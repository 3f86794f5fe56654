namespace ParisCoDraft.Drafting.Exports;

/// <summary>The language of an export's own words (labels, tables, dates); the bill's text is never translated.</summary>
public enum ExportLanguage
{
    /// <summary>French, the default.</summary>
    French,

    /// <summary>English.</summary>
    English,
}
