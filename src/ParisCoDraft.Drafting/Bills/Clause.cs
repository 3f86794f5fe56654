namespace ParisCoDraft.Drafting.Bills;

/// <summary>One clause as read from the bill's document at a moment.</summary>
/// <param name="Id">Stable id (docs/document-model.md).</param>
/// <param name="Number">"Article N" number, 1-based; 0 for a withdrawn clause.</param>
/// <param name="Heading">The heading text.</param>
/// <param name="Body">The body, Markdown.</param>
/// <param name="Order">The fractional order key.</param>
/// <param name="State">Active or withdrawn.</param>
/// <param name="MergedInto">The clause it was merged into, if any.</param>
/// <param name="SplitFrom">The clause it was split from, if any.</param>
public sealed record Clause(
    string Id,
    int Number,
    string Heading,
    string Body,
    string Order,
    ClauseState State,
    string? MergedInto,
    string? SplitFrom);
