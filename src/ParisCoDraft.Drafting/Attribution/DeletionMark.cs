using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Attribution;

/// <summary>
/// A delete-set range the server received, with the group of the person who sent it (null: no group,
/// e.g. a facilitator). Marks are given oldest first; the oldest mark of an item names its deleter.
/// </summary>
/// <param name="Client">The deleted items' client id.</param>
/// <param name="Clock">First deleted clock.</param>
/// <param name="Length">Number of clocks.</param>
/// <param name="Group">The sender's group.</param>
public sealed record DeletionMark(long Client, long Clock, long Length, StakeholderGroup? Group);
