using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;
using ParisCoDraft.Drafting.Ideas;
using static ParisCoDraft.Drafting.Tests.Builders;

namespace ParisCoDraft.Drafting.Tests.Ideas;

public class TraceabilityMatrixTests
{
    private static readonly Idea[] Ideas = [.. Enumerable.Range(1, 8).Select(n => new Idea(n, $"Idée {n}", "texte", null))];

    private static readonly BillText Bill3 = Bill()
        .Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Clause(Id(3), "C", "c")
        .Withdrawn(Id(4), "D", "d")
        .Build();

    [Fact]
    public void CrossesIdeasWithTheArticlesCarryingThem()
    {
        var matrix = TraceabilityMatrixBuilder.Build(Bill3, Ideas, new Dictionary<int, IdeaDisposition>
        {
            [1] = new CarriedInClauses(Id(3), Id(1)),
            [2] = new CarriedInClauses(Id(2)),
        });

        Assert.Equal([Id(1), Id(2), Id(3)], matrix.ClauseIds);
        Assert.True(matrix.Carries(1, Id(1)));
        Assert.True(matrix.Carries(1, Id(3)));
        Assert.False(matrix.Carries(1, Id(2)));
        Assert.Equal([Id(1), Id(3)], matrix.Rows[0].ClauseIds);
        Assert.Equal([1], matrix.IdeasIn(Id(1)));
    }

    [Fact]
    public void ListsTheIdeasNotPlacedYetAndWhy()
    {
        var matrix = TraceabilityMatrixBuilder.Build(Bill3, Ideas, new Dictionary<int, IdeaDisposition>
        {
            [1] = new CarriedInClauses(Id(2)),
            [2] = new CarriedInClauses(Id(4)),
            [3] = new MergedWith(1),
            [4] = new MergedWith(2),
            [5] = new AlreadyDoneByCity("Plan Climat"),
            [6] = new OutsideCityPowers(),
            [7] = new SetAside("Coût hors budget"),
        });

        Assert.Equal(
            [(2, UnplacedReason.ClausesNotInBill), (4, UnplacedReason.MergedWithUnplacedIdea), (8, UnplacedReason.NoDisposition)],
            matrix.Unplaced.Select(u => (u.Idea.Number, u.Reason)));
        Assert.True(matrix.Carries(3, Id(2)));
        Assert.Equal("Écartée : Coût hors budget", ExportLabels.French.TraceRows(matrix)[6].Outcome);
        Assert.Equal("Fusionnée avec l'idée 1", ExportLabels.French.TraceRows(matrix)[2].Outcome);
    }

    [Fact]
    public void LeavesIdeasMergedInACircleUnplaced()
    {
        var matrix = TraceabilityMatrixBuilder.Build(Bill3, Ideas[..2], new Dictionary<int, IdeaDisposition>
        {
            [1] = new MergedWith(2),
            [2] = new MergedWith(1, 99),
        });

        Assert.Equal([1, 2], matrix.Unplaced.Select(u => u.Idea.Number));
    }

    [Fact]
    public void RefusesASetAsideWithoutReasonAndEmptyLists()
    {
        Assert.Throws<ArgumentException>(() => new SetAside("  "));
        Assert.Throws<ArgumentException>(() => new CarriedInClauses());
        Assert.Throws<ArgumentException>(() => new MergedWith());
    }
}
