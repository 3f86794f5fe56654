namespace ParisCoDraft.Drafting.Exports;

/// <summary>One annex table, format-neutral: every exporter renders the same tables.</summary>
internal sealed record AnnexTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
