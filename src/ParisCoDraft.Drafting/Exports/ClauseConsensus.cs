using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>The consensus on one clause, per group.</summary>
/// <param name="ClauseId">The clause.</param>
/// <param name="ByGroup">Counts per group (groups without positions may be absent).</param>
/// <param name="State">The resulting state.</param>
public sealed record ClauseConsensus(string ClauseId, IReadOnlyDictionary<StakeholderGroup, ConsensusCounts> ByGroup, ClauseConsensusState State);
