namespace ParisCoDraft.Drafting.Exports;

/// <summary>The records an export appends as its annex; empty lists are left out.</summary>
public sealed record ExportAnnex
{
    /// <summary>Consensus per clause.</summary>
    public IReadOnlyList<ClauseConsensus> Consensus { get; init; } = [];

    /// <summary>The approval vote, if held.</summary>
    public ApprovalVote? Approval { get; init; }

    /// <summary>What became of each initial idea.</summary>
    public IReadOnlyList<IdeaTraceRow> Ideas { get; init; } = [];

    /// <summary>The workshops held.</summary>
    public IReadOnlyList<WorkshopRecord> Workshops { get; init; } = [];

    /// <summary>The follow-up commitments.</summary>
    public IReadOnlyList<FollowUpCommitment> Commitments { get; init; } = [];
}
