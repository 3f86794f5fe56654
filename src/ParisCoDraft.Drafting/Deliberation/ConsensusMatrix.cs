using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// Stakeholder groups by stance for one clause (or a whole bill): counts and who, with markers given on
/// an earlier text counted apart as stale. Stances of people outside the three groups (facilitators)
/// are listed under a null group and never count for the rule.
/// </summary>
public sealed class ConsensusMatrix
{
    /// <summary>The three groups, in display order.</summary>
    public static IReadOnlyList<StakeholderGroup> Groups { get; } =
        [StakeholderGroup.Citizens, StakeholderGroup.ElectedOfficials, StakeholderGroup.CivilServants];

    private readonly List<StanceMarker> _current = [];
    private readonly List<StanceMarker> _stale = [];

    /// <summary>Markers given on the clause's current text.</summary>
    public IReadOnlyList<StanceMarker> Current => _current;

    /// <summary>Markers given on an earlier text, waiting for their owner to confirm them.</summary>
    public IReadOnlyList<StanceMarker> Stale => _stale;

    /// <summary>Sorts markers into current and stale by the hash of the text they were given on.</summary>
    /// <param name="markers">Each participant's latest marker per clause.</param>
    /// <param name="currentTextHashByClause">The current <see cref="ClauseTextHash"/> of each clause.</param>
    public static ConsensusMatrix From(IEnumerable<StanceMarker> markers, IReadOnlyDictionary<string, string> currentTextHashByClause)
    {
        var matrix = new ConsensusMatrix();
        foreach (var m in markers)
        {
            var isCurrent = currentTextHashByClause.TryGetValue(m.ClauseId, out var hash) && hash == m.ClauseTextHash;
            (isCurrent ? matrix._current : matrix._stale).Add(m);
        }
        return matrix;
    }

    /// <summary>The tally of one group (null: people outside the three groups).</summary>
    public GroupTally Tally(StakeholderGroup? group)
    {
        int agree = 0, reservations = 0, disagree = 0, block = 0, stale = 0;
        foreach (var m in _current)
        {
            if (m.Group != group) continue;
            switch (m.Stance)
            {
                case Stance.Agree: agree++; break;
                case Stance.AgreeWithReservations: reservations++; break;
                case Stance.Disagree: disagree++; break;
                case Stance.Block: block++; break;
            }
        }
        foreach (var m in _stale)
        {
            if (m.Group == group) stale++;
        }
        return new GroupTally(agree, reservations, disagree, block, stale);
    }

    /// <summary>Who, in a group, currently holds a stance.</summary>
    public IReadOnlyList<StanceMarker> Who(StakeholderGroup? group, Stance stance) =>
        _current.Where(m => m.Group == group && m.Stance == stance).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList();

    /// <summary>Where the clause stands under <paramref name="rule"/>.</summary>
    public ConsensusState Evaluate(ConsensusRule rule)
    {
        var tallies = Groups.Select(g => Tally(g)).ToList();
        if (tallies.All(t => t.Current == 0)) return ConsensusState.NotAssessed;
        if (rule.BlockPrevents && tallies.Any(t => t.Block > 0)) return ConsensusState.Blocked;

        var groupsMeeting = tallies.Count(t => Meets(t, rule));
        if (groupsMeeting == tallies.Count) return ConsensusState.Consensus;

        // Close: every group that has spoken leans to agreement, or all groups but one meet the rule.
        var spoken = tallies.Where(t => t.Current > 0).ToList();
        var allLeanAgree = spoken.All(t => t.Agreeing(rule) * 2 >= t.Current);
        return allLeanAgree || groupsMeeting == tallies.Count - 1 ? ConsensusState.Close : ConsensusState.Contested;
    }

    private static bool Meets(GroupTally t, ConsensusRule rule) =>
        t.Current >= Math.Max(1, rule.MinStancesPerGroup) && t.Agreeing(rule) > rule.AgreeShare * t.Current;
}
