namespace ParisCoDraft.Drafting.Exports;

/// <summary>A co-writing workshop held on the bill.</summary>
public sealed record WorkshopRecord(string Name, DateOnly Date, string Place);
