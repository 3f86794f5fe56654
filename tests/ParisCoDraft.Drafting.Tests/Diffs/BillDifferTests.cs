using ParisCoDraft.Drafting.Diffs;
using static ParisCoDraft.Drafting.Tests.Builders;

namespace ParisCoDraft.Drafting.Tests.Diffs;

public class BillDifferTests
{
    [Fact]
    public void FindsNothingBetweenEqualVersions()
    {
        var bill = BillBuilder.Demo().Build();

        var diff = BillDiffer.Compare(bill, bill);

        Assert.False(diff.HasChanges);
        Assert.All(diff.Clauses, c => Assert.Equal(ClauseChanges.Unchanged, c.Changes));
        Assert.Equal(diff.OlderSha256, diff.NewerSha256);
    }

    [Fact]
    public void RenumbersButDoesNotMoveClausesAfterAnInsertion()
    {
        var older = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Clause(Id(3), "C", "c").Build();
        var newer = Bill().Clause(Id(1), "A", "a").Clause(Id(9), "N", "nouveau").Clause(Id(2), "B", "b").Clause(Id(3), "C", "c").Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal([Id(1), Id(9), Id(2), Id(3)], diff.Clauses.Select(c => c.ClauseId));
        Assert.Equal(ClauseChanges.Added, diff.For(Id(9))!.Changes);
        Assert.Equal(ClauseChanges.Renumbered, diff.For(Id(2))!.Changes);
        Assert.Equal(ClauseChanges.Renumbered, diff.For(Id(3))!.Changes);
        Assert.Equal(ClauseChanges.Unchanged, diff.For(Id(1))!.Changes);
        Assert.Equal(1, diff.For(Id(9))!.Body.WordsInserted);
    }

    [Fact]
    public void MovesOnlyTheClauseThatChangedPlace()
    {
        var older = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Clause(Id(3), "C", "c").Clause(Id(4), "D", "d").Build();
        var newer = Bill().Clause(Id(1), "A", "a").Clause(Id(3), "C", "c").Clause(Id(4), "D", "d").Clause(Id(2), "B", "b").Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal(ClauseChanges.Moved | ClauseChanges.Renumbered, diff.For(Id(2))!.Changes);
        Assert.Equal(ClauseChanges.Renumbered, diff.For(Id(3))!.Changes);
        Assert.Equal(ClauseChanges.Renumbered, diff.For(Id(4))!.Changes);
        Assert.Equal(ClauseChanges.Unchanged, diff.For(Id(1))!.Changes);
    }

    [Fact]
    public void ListsAWithdrawnClauseWhereItStoodWithItsTextDeleted()
    {
        var older = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "B", "deux mots").Clause(Id(3), "C", "c").Build();
        var newer = Bill().Clause(Id(1), "A", "a").Clause(Id(3), "C", "c").Withdrawn(Id(2), "B", "deux mots").Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal([Id(1), Id(2), Id(3)], diff.Clauses.Select(c => c.ClauseId));
        var withdrawn = diff.For(Id(2))!;
        Assert.Equal(ClauseChanges.Withdrawn, withdrawn.Changes);
        Assert.Equal(2, withdrawn.OlderNumber);
        Assert.Equal(0, withdrawn.NewerNumber);
        Assert.Equal(2, withdrawn.Body.WordsDeleted);
        Assert.Equal(ClauseChanges.Renumbered, diff.For(Id(3))!.Changes);
    }

    [Fact]
    public void NamesMergesAndSplits()
    {
        var older = Bill().Clause(Id(1), "A", "un deux").Clause(Id(2), "B", "trois").Build();
        var newer = Bill()
            .Clause(Id(1), "A", "un")
            .Clause(Id(5), "A bis", "deux trois", splitFrom: Id(1))
            .Withdrawn(Id(2), "B", "trois", mergedInto: Id(5))
            .Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal(ClauseChanges.TextChanged, diff.For(Id(1))!.Changes);
        Assert.Equal(ClauseChanges.Split, diff.For(Id(5))!.Changes);
        Assert.Equal(Id(1), diff.For(Id(5))!.SplitFrom);
        Assert.Equal(ClauseChanges.Merged, diff.For(Id(2))!.Changes);
        Assert.Equal(Id(5), diff.For(Id(2))!.MergedInto);
    }

    [Fact]
    public void SeparatesHeadingChangesFromTextChanges()
    {
        var older = Bill().Clause(Id(1), "Fontaines", "Une fontaine.").Clause(Id(2), "Eau", "Boire.").Build();
        var newer = Bill().Clause(Id(1), "Fontaines à boire", "Une fontaine.").Clause(Id(2), "Eau", "Boire, vite.").Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal(ClauseChanges.HeadingChanged, diff.For(Id(1))!.Changes);
        Assert.Equal(ClauseChanges.TextChanged, diff.For(Id(2))!.Changes);
    }

    [Fact]
    public void TreatsAReinstatedClauseAsAdded()
    {
        var older = Bill().Clause(Id(1), "A", "a").Withdrawn(Id(2), "B", "b").Build();
        var newer = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "B", "b").Build();

        Assert.Equal(ClauseChanges.Added, BillDiffer.Compare(older, newer).For(Id(2))!.Changes);
    }

    [Fact]
    public void DiffsTitleAndPreamble()
    {
        var older = Bill("Projet", "La Ville, et l'Assemblée.").Build();
        var newer = Bill("Projet final", "La Ville et l'Assemblée.").Build();

        var diff = BillDiffer.Compare(older, newer);

        Assert.Equal(1, diff.Title.WordsInserted);
        Assert.Equal(",", diff.Preamble.Runs.Single(r => r.Kind == DiffRunKind.Deleted).Text);
        Assert.True(diff.HasChanges);
        Assert.NotEqual(diff.OlderSha256, diff.NewerSha256);
    }
}
