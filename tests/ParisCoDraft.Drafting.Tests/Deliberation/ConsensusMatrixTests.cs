using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Deliberation;

public class ConsensusMatrixTests
{
    private const string Clause = "c0000000001";
    private const string Text = "hash-now";
    private static readonly Dictionary<string, string> Current = new() { [Clause] = Text };

    private static StanceMarker Marker(string who, StakeholderGroup? group, Stance stance, string hash = Text) =>
        new(Clause, who, who, group, stance, StanceMarker.RequiresReason(stance) ? "parce que" : null, hash, DateTimeOffset.UnixEpoch);

    private static ConsensusState StateOf(params StanceMarker[] markers) =>
        ConsensusMatrix.From(markers, Current).Evaluate(ConsensusRule.Default);

    [Fact]
    public void IsNotAssessedBeforeAnyStance() => Assert.Equal(ConsensusState.NotAssessed, StateOf());

    [Fact]
    public void ReachesConsensusWhenEachGroupHasAMajorityOfAgree() =>
        Assert.Equal(ConsensusState.Consensus, StateOf(
            Marker("a", StakeholderGroup.Citizens, Stance.Agree),
            Marker("b", StakeholderGroup.Citizens, Stance.AgreeWithReservations),
            Marker("c", StakeholderGroup.Citizens, Stance.Disagree),
            Marker("d", StakeholderGroup.ElectedOfficials, Stance.Agree),
            Marker("e", StakeholderGroup.CivilServants, Stance.Agree)));

    [Fact]
    public void OneBlockBlocksTheClause() =>
        Assert.Equal(ConsensusState.Blocked, StateOf(
            Marker("a", StakeholderGroup.Citizens, Stance.Agree),
            Marker("d", StakeholderGroup.ElectedOfficials, Stance.Block),
            Marker("e", StakeholderGroup.CivilServants, Stance.Agree)));

    [Fact]
    public void IsCloseWhenOneGroupHasNotSpokenYet() =>
        Assert.Equal(ConsensusState.Close, StateOf(
            Marker("a", StakeholderGroup.Citizens, Stance.Agree),
            Marker("d", StakeholderGroup.ElectedOfficials, Stance.Agree)));

    [Fact]
    public void IsContestedWhenTwoGroupsMostlyDisagree() =>
        Assert.Equal(ConsensusState.Contested, StateOf(
            Marker("a", StakeholderGroup.Citizens, Stance.Disagree),
            Marker("b", StakeholderGroup.Citizens, Stance.Disagree),
            Marker("d", StakeholderGroup.ElectedOfficials, Stance.Disagree),
            Marker("e", StakeholderGroup.CivilServants, Stance.Agree)));

    [Fact]
    public void AHalfIsNotAMajority() =>
        Assert.NotEqual(ConsensusState.Consensus, StateOf(
            Marker("a", StakeholderGroup.Citizens, Stance.Agree),
            Marker("b", StakeholderGroup.Citizens, Stance.Disagree),
            Marker("d", StakeholderGroup.ElectedOfficials, Stance.Agree),
            Marker("e", StakeholderGroup.CivilServants, Stance.Agree)));

    [Fact]
    public void CountsMarkersGivenOnAnEarlierTextApartAndIgnoresThemForTheRule()
    {
        var matrix = ConsensusMatrix.From(
            [
                Marker("a", StakeholderGroup.Citizens, Stance.Agree),
                Marker("b", StakeholderGroup.Citizens, Stance.Block, hash: "hash-before"),
                Marker("d", StakeholderGroup.ElectedOfficials, Stance.Agree),
                Marker("e", StakeholderGroup.CivilServants, Stance.Agree),
            ],
            Current);

        Assert.Equal(new GroupTally(1, 0, 0, 0, 1), matrix.Tally(StakeholderGroup.Citizens));
        Assert.Single(matrix.Stale);
        Assert.Equal(ConsensusState.Consensus, matrix.Evaluate(ConsensusRule.Default));
    }

    [Fact]
    public void FacilitatorsStancesAreListedButDoNotCount()
    {
        var matrix = ConsensusMatrix.From([Marker("f", null, Stance.Block)], Current);

        Assert.Equal(1, matrix.Tally(null).Block);
        Assert.Equal(ConsensusState.NotAssessed, matrix.Evaluate(ConsensusRule.Default));
    }

    [Fact]
    public void ReservationsCanBeCountedAgainstAgreement()
    {
        var rule = ConsensusRule.Default with { ReservationsCountAsAgree = false };
        var matrix = ConsensusMatrix.From(
            [
                Marker("a", StakeholderGroup.Citizens, Stance.AgreeWithReservations),
                Marker("d", StakeholderGroup.ElectedOfficials, Stance.Agree),
                Marker("e", StakeholderGroup.CivilServants, Stance.Agree),
            ],
            Current);

        Assert.Equal(ConsensusState.Consensus, matrix.Evaluate(ConsensusRule.Default));
        Assert.Equal(ConsensusState.Close, matrix.Evaluate(rule));
    }

    [Fact]
    public void NamesWhoHoldsEachStance()
    {
        var matrix = ConsensusMatrix.From(
            [Marker("Zoé", StakeholderGroup.Citizens, Stance.Agree), Marker("Amir", StakeholderGroup.Citizens, Stance.Agree)],
            Current);

        Assert.Equal(["Amir", "Zoé"], matrix.Who(StakeholderGroup.Citizens, Stance.Agree).Select(m => m.DisplayName));
    }

    [Theory]
    [InlineData(Stance.AgreeWithReservations, null, false)]
    [InlineData(Stance.Block, "  ", false)]
    [InlineData(Stance.Block, "trop coûteux", true)]
    [InlineData(Stance.Agree, null, true)]
    [InlineData(Stance.Disagree, null, true)]
    public void RequiresAReasonForReservationsAndBlocks(Stance stance, string? reason, bool ok) =>
        Assert.Equal(ok, StanceMarker.Validate(stance, reason) is null);
}
