using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Deliberation;

public class BillConsensusTests
{
    private static StanceMarker Marker(Clause clause, string who, StakeholderGroup? group, Stance stance, string? hash = null) =>
        new(clause.Id, who, who, group, stance, StanceMarker.RequiresReason(stance) ? "motif" : null, hash ?? ClauseTextHash.Of(clause), DateTimeOffset.UnixEpoch);

    [Fact]
    public void SummarizesEachClauseAndTotalsTheGroups()
    {
        var bill = Builders.Bill().Clause(Builders.Id(1), "Objet", "Un.").Clause(Builders.Id(2), "Moyens", "Deux.").Build();
        var (a, b) = (bill.Clauses[0], bill.Clauses[1]);
        var markers = new[]
        {
            Marker(a, "cit", StakeholderGroup.Citizens, Stance.Agree),
            Marker(a, "elu", StakeholderGroup.ElectedOfficials, Stance.Agree),
            Marker(a, "adm", StakeholderGroup.CivilServants, Stance.AgreeWithReservations),
            Marker(b, "cit", StakeholderGroup.Citizens, Stance.Block),
            Marker(b, "elu", StakeholderGroup.ElectedOfficials, Stance.Agree, hash: "earlier-text"),
            Marker(b, "anim", null, Stance.Disagree),
        };

        var summary = BillConsensus.Summarize(bill, markers, ConsensusRule.Default);

        Assert.Equal(ConsensusState.Consensus, summary.Clauses[0].State);
        Assert.Equal(ConsensusState.Blocked, summary.Clauses[1].State);
        Assert.Equal(1, summary.Clauses[1].Stale);
        Assert.Equal(new GroupTally(1, 0, 0, 1, 0), summary.Totals[StakeholderGroup.Citizens]);
        Assert.Equal(new GroupTally(1, 0, 0, 0, 1), summary.Totals[StakeholderGroup.ElectedOfficials]);
        Assert.Equal(1, summary.CountByState()[ConsensusState.Consensus]);
    }

    [Fact]
    public void AChangedTextMakesEveryMarkerStaleAndTheClauseUnassessed()
    {
        var before = Builders.Bill().Clause(Builders.Id(1), "Objet", "Un.").Build();
        var markers = new[] { Marker(before.Clauses[0], "cit", StakeholderGroup.Citizens, Stance.Agree) };
        var after = Builders.Bill().Clause(Builders.Id(1), "Objet", "Un, modifié.").Build();

        var summary = BillConsensus.Summarize(after, markers, ConsensusRule.Default);

        Assert.Equal(ConsensusState.NotAssessed, summary.Clauses[0].State);
        Assert.Equal(1, summary.Clauses[0].Stale);
    }

    [Fact]
    public void StanceNamesRoundTrip()
    {
        foreach (var s in Enum.GetValues<Stance>())
        {
            Assert.True(DeliberationNames.TryParseStance(s.ToWire(), out var back));
            Assert.Equal(s, back);
        }
        Assert.False(DeliberationNames.TryParseStance("maybe", out _));
        Assert.False(DeliberationNames.TryParseApprovalRule("plurality", out _));
    }
}
