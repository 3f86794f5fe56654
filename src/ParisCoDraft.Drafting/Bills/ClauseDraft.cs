namespace ParisCoDraft.Drafting.Bills;

/// <summary>A clause to create: its heading and Markdown body.</summary>
public sealed record ClauseDraft(string Heading, string Body);
