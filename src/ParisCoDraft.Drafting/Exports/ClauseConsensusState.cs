namespace ParisCoDraft.Drafting.Exports;

/// <summary>Where a clause stands, as the annex reports it.</summary>
public enum ClauseConsensusState
{
    /// <summary>Still under discussion.</summary>
    Open,

    /// <summary>Consensus reached.</summary>
    Consensus,

    /// <summary>Consensus with reservations recorded.</summary>
    ConsensusWithReservations,

    /// <summary>No consensus.</summary>
    NoConsensus,

    /// <summary>Blocked by at least one participant.</summary>
    Blocked,
}
