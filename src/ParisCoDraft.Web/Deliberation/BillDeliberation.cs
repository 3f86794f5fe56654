using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Deliberation;

/// <summary>
/// One bill's deliberation in memory, loaded from the store with the bill's room and dropped with it.
/// <see cref="Mutex"/> serializes the actions and reloads of this process; the locks and the open vote are
/// also published as immutable values so the update path can check them under the room's gate without awaiting.
/// </summary>
public sealed class BillDeliberation
{
    internal BillDeliberation(string billId) => BillId = billId;

    /// <summary>The bill.</summary>
    public string BillId { get; }

    internal SemaphoreSlim Mutex { get; } = new(1, 1);

    /// <summary>The store's deliberation revision this state matches; -1 when unknown (reload before use).</summary>
    internal long Revision { get; set; }

    /// <summary>Set while a reload asked for by another process's notice waits for <see cref="Mutex"/>.</summary>
    internal int RefreshQueued;

    internal ConsensusRule Rule { get; set; } = ConsensusRule.Default;

    internal ApprovalRule ApprovalRule { get; set; } = ApprovalRule.Unanimity;

    internal List<AgendaItemView> Agenda { get; set; } = [];

    internal string? Focus { get; set; }

    internal Dictionary<string, CommentRecord> Comments { get; } = new(StringComparer.Ordinal);

    internal Dictionary<(string Target, string Participant), StanceRecord> Stances { get; } = [];

    internal Dictionary<string, AmendmentRecord> Amendments { get; } = new(StringComparer.Ordinal);

    internal List<ConsensusRoundRecord> Rounds { get; } = [];

    internal List<ApprovalVoteRecord> Votes { get; } = [];

    internal Dictionary<string, List<ApprovalBallotRecord>> Ballots { get; } = new(StringComparer.Ordinal);

    /// <summary>The hybrid room's seats (attendance, raised hands, floor) by participant id.</summary>
    internal Dictionary<string, RoomSeatRecord> Seats { get; } = new(StringComparer.Ordinal);

    private volatile IReadOnlyDictionary<string, ClauseLockRecord> _locks = new Dictionary<string, ClauseLockRecord>();
    private volatile ApprovalVoteRecord? _openVote;

    /// <summary>Locked clauses by id.</summary>
    public IReadOnlyDictionary<string, ClauseLockRecord> Locks => _locks;

    /// <summary>The approval vote in progress, if any.</summary>
    public ApprovalVoteRecord? OpenVote => _openVote;

    internal ConsensusRoundRecord? OpenRound => Rounds.LastOrDefault(r => r.ClosedAt is null);

    internal void SetLocks(IReadOnlyDictionary<string, ClauseLockRecord> locks) => _locks = locks;

    internal void SetOpenVote(ApprovalVoteRecord? vote) => _openVote = vote;

    /// <summary>
    /// Whether an update may go in: null when it may, else the reason for a <c>locked</c> refusal. The
    /// clauses it changes are decoded from the update against the server's document. Call under the room's gate.
    /// </summary>
    public string? RefusalFor(Doc doc, UpdateInfo update, IReadOnlyDictionary<long, long> stateVector)
    {
        var locks = _locks;
        var vote = _openVote;
        if (locks.Count == 0 && vote is null) return null;
        var touches = ClauseTextChanges.Find(doc, update, stateVector);
        if (vote is not null && touches.ChangesAnything)
        {
            return "vote-open: Le texte est figé pendant le vote d'approbation. / The text is frozen while the assembly votes on it.";
        }
        foreach (var clauseId in touches.Clauses)
        {
            if (locks.TryGetValue(clauseId, out var l))
            {
                return $"{clauseId}: Article verrouillé par l'animation ({l.Reason}). / The facilitator locked this article ({l.Reason}).";
            }
        }
        if (touches.Unresolved && locks.Count > 0)
        {
            return "unresolved: Modification impossible à situer pendant qu'un article est verrouillé ; resynchronisez. / This edit cannot be placed while an article is locked; sync again.";
        }
        return null;
    }
}
