namespace ParisCoDraft.Storage;

/// <summary>A bill as the store knows it; its text lives in the document log.</summary>
/// <param name="Id">Stable id, also used in URLs and cookie names (lower-case letters and digits).</param>
/// <param name="Title">The title given at creation.</param>
/// <param name="Created">When it was created.</param>
public sealed record BillRecord(string Id, string Title, DateTimeOffset Created);
