using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>One of the assembly's initial ideas, which the bill should carry or account for.</summary>
/// <param name="Number">Its number in the assembly's list (unique, positive).</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The idea as written.</param>
/// <param name="SourceGroup">Which group put it forward, when known.</param>
public sealed record Idea(int Number, string Title, string Text, StakeholderGroup? SourceGroup);
