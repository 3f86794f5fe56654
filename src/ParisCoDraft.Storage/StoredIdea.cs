namespace ParisCoDraft.Storage;

/// <summary>One of the assembly's initial ideas for a bill, with its disposition.</summary>
/// <param name="BillId">The bill.</param>
/// <param name="Number">Its number in the assembly's list.</param>
/// <param name="Title">Short title.</param>
/// <param name="Text">The idea as written.</param>
/// <param name="SourceGroup">The group that put it forward (wire name), if known.</param>
/// <param name="DispositionJson">What became of it, as JSON (the product's format), or null.</param>
/// <param name="Updated">When the disposition was last set.</param>
/// <param name="UpdatedBy">Who set it.</param>
public sealed record StoredIdea(
    string BillId,
    int Number,
    string Title,
    string Text,
    string? SourceGroup,
    string? DispositionJson,
    DateTimeOffset? Updated,
    string? UpdatedBy);
