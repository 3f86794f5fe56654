using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>One clause's standing: its state under the bill's rule and each group's tally.</summary>
public sealed record ClauseConsensusSummary(string ClauseId, ConsensusState State, IReadOnlyDictionary<StakeholderGroup, GroupTally> Tallies, int Stale);
