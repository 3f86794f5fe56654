namespace ParisCoDraft.Drafting.Bills;

/// <summary>A clause's text in one language.</summary>
/// <param name="Heading">The heading.</param>
/// <param name="Body">The body, Markdown.</param>
public sealed record ClauseTranslation(string Heading, string Body);
