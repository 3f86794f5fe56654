using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Workshops;

namespace ParisCoDraft.Drafting.Tests.Attribution;

public class CrdtAttributionTests
{
    private static History ThreeClauseBill() => new(
        "Délibération sur les îlots de fraîcheur",
        ("Objet", "La Ville ouvre vingt îlots de fraîcheur."),
        ("Horaires", "Les îlots ouvrent de 9 h à 19 h."),
        ("Suivi", "Un bilan est présenté chaque année."));

    [Fact]
    public void ReadsCivilServantsRewordedArticleOneAndCitizensAddedArticleFour()
    {
        var h = ThreeClauseBill();
        var agent = h.Replica(20, StakeholderGroup.CivilServants);
        var citizen = h.Replica(30, StakeholderGroup.Citizens);
        var v1 = h.TakeVersion();

        var first = History.ClauseIdAt(agent, 1);
        var body = History.Body(agent, first);
        var at = body.ToString().IndexOf("vingt", StringComparison.Ordinal);
        body.Delete(at, "vingt".Length);
        body.Insert(at, "trente");
        h.Send(agent);
        BillDocument.AddClause(citizen, new ClauseDraft("Fontaines", "Une fontaine à moins de 200 m de chaque logement."));
        h.Send(citizen);
        var v2 = h.TakeVersion();

        var diff = BillVersions.Compare(h.Server, v1, v2, h.Records);

        Assert.True(diff.Clauses[0].Has(ClauseChanges.TextChanged));
        var inserted = diff.Clauses[0].Body.Runs.Single(r => r.Kind == DiffRunKind.Inserted);
        var deleted = diff.Clauses[0].Body.Runs.Single(r => r.Kind == DiffRunKind.Deleted);
        Assert.Equal("trente", inserted.Text);
        Assert.Equal([StakeholderGroup.CivilServants], inserted.Groups);
        Assert.Equal("vingt", deleted.Text);
        Assert.Equal([StakeholderGroup.CivilServants], deleted.Groups);
        Assert.Equal(ClauseChanges.Added, diff.Clauses[3].Changes);
        Assert.Equal(
            "Civil servants reworded article 1 (2 words); citizens added article 4.",
            DiffSummary.Describe(diff, "en"));
    }

    [Fact]
    public void CreditsADeletionToItsFirstSenderNotToWhoeverRelaysIt()
    {
        var h = ThreeClauseBill();
        var elected = h.Replica(40, StakeholderGroup.ElectedOfficials);
        var citizen = h.Replica(30, StakeholderGroup.Citizens);
        var v1 = h.TakeVersion();

        var id = History.ClauseIdAt(elected, 2);
        var body = History.Body(elected, id);
        body.Delete(body.ToString().IndexOf(" de 9 h à 19 h", StringComparison.Ordinal), " de 9 h à 19 h".Length);
        h.Send(elected);
        h.Receive(citizen);
        History.Body(citizen, History.ClauseIdAt(citizen, 3)).Insert(0, "Chaque été, ");
        h.Send(citizen); // carries the elected official's deletion again
        var v2 = h.TakeVersion();

        var diff = BillVersions.Compare(h.Server, v1, v2, h.Records);

        var cut = diff.For(id)!.Body.Runs.Where(r => r.Kind == DiffRunKind.Deleted).ToList();
        Assert.NotEmpty(cut);
        Assert.All(cut, r => Assert.Equal([StakeholderGroup.ElectedOfficials], r.Groups));
        var added = diff.Clauses[2].Body.Runs.Where(r => r.Kind == DiffRunKind.Inserted).ToList();
        Assert.All(added, r => Assert.Equal([StakeholderGroup.Citizens], r.Groups));
    }

    [Fact]
    public void CreditsAWithdrawalToWhoWithdrewTheArticle()
    {
        var h = ThreeClauseBill();
        var elected = h.Replica(40, StakeholderGroup.ElectedOfficials);
        var v1 = h.TakeVersion();
        var id = History.ClauseIdAt(elected, 2);

        BillDocument.Withdraw(elected, id);
        h.Send(elected);
        var diff = BillVersions.Compare(h.Server, v1, h.TakeVersion(), h.Records);

        var withdrawn = diff.For(id)!;
        Assert.Equal(ClauseChanges.Withdrawn, withdrawn.Changes);
        Assert.All(withdrawn.Body.Runs.Where(r => r.Kind == DiffRunKind.Deleted),
            r => Assert.Equal([StakeholderGroup.ElectedOfficials], r.Groups));
        Assert.Equal("Elected officials cut words from article 2 (10 words).", DiffSummary.Describe(diff, "en"));
    }

    [Fact]
    public void MakesALoneCommaVisibleAndCreditsIt()
    {
        var h = ThreeClauseBill();
        var agent = h.Replica(20, StakeholderGroup.CivilServants);
        var v1 = h.TakeVersion();
        var body = History.Body(agent, History.ClauseIdAt(agent, 1));

        body.Insert(body.ToString().IndexOf(" ouvre", StringComparison.Ordinal), ",");
        h.Send(agent);
        var diff = BillVersions.Compare(h.Server, v1, h.TakeVersion(), h.Records);

        var comma = diff.Clauses[0].Body.Runs.Single(r => r.Kind == DiffRunKind.Inserted);
        Assert.Equal(",", comma.Text);
        Assert.True(comma.IsPunctuationOnly);
        Assert.Equal([StakeholderGroup.CivilServants], comma.Groups);
        Assert.Contains("<ins class=\"punct\" data-groups=\"civilservants\">,</ins>", DiffHtml.Inline(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesASplitAndAMoveBetweenSnapshotsOfOneDocument()
    {
        var h = ThreeClauseBill();
        var citizen = h.Replica(30, StakeholderGroup.Citizens);
        var v1 = h.TakeVersion();
        var (a, b, c) = (History.ClauseIdAt(citizen, 1), History.ClauseIdAt(citizen, 2), History.ClauseIdAt(citizen, 3));

        var split = BillDocument.Split(citizen, a, "La Ville ouvre".Length, "Objet (suite)");
        BillDocument.Move(citizen, a, c);
        h.Send(citizen);
        var diff = BillVersions.Compare(h.Server, v1, h.TakeVersion(), h.Records);

        Assert.Equal([split, b, c, a], diff.Clauses.Select(d => d.ClauseId));
        Assert.Equal(ClauseChanges.Split, diff.For(split)!.Changes);
        Assert.Equal(a, diff.For(split)!.SplitFrom);
        Assert.Equal(ClauseChanges.Moved | ClauseChanges.Renumbered | ClauseChanges.TextChanged, diff.For(a)!.Changes);
        Assert.Equal(ClauseChanges.Unchanged, diff.For(b)!.Changes);
        Assert.All(diff.For(split)!.Body.Runs.Where(r => r.Kind == DiffRunKind.Inserted), r => Assert.Equal([StakeholderGroup.Citizens], r.Groups));
        Assert.All(diff.For(a)!.Body.Runs.Where(r => r.Kind == DiffRunKind.Deleted), r => Assert.Equal([StakeholderGroup.Citizens], r.Groups));
    }

    [Fact]
    public void NamesAMergeAndCreditsTheAppendedText()
    {
        var h = ThreeClauseBill();
        var agent = h.Replica(20, StakeholderGroup.CivilServants);
        var v1 = h.TakeVersion();
        var (b, c) = (History.ClauseIdAt(agent, 2), History.ClauseIdAt(agent, 3));

        BillDocument.Merge(agent, c, b);
        h.Send(agent);
        var diff = BillVersions.Compare(h.Server, v1, h.TakeVersion(), h.Records);

        Assert.Equal(ClauseChanges.Merged, diff.For(b)!.Changes);
        Assert.Equal(c, diff.For(b)!.MergedInto);
        Assert.Equal(ClauseChanges.Renumbered | ClauseChanges.TextChanged, diff.For(c)!.Changes);
        Assert.Equal(
            "Civil servants cut words from article 2 (10 words); civil servants added to article 2 (9 words).",
            DiffSummary.Describe(diff, "en"));
    }

    [Fact]
    public void ComparesAVersionWithTheCurrentText()
    {
        var h = ThreeClauseBill();
        var agent = h.Replica(20, StakeholderGroup.CivilServants);
        var v1 = h.TakeVersion();
        History.Body(agent, History.ClauseIdAt(agent, 3)).Insert(0, "Désormais, ");
        h.Send(agent);

        var diff = BillVersions.Compare(h.Server, v1, null, h.Records);

        Assert.Equal("Désormais, ", string.Concat(diff.Clauses[2].Body.Runs.Where(r => r.Kind == DiffRunKind.Inserted).Select(r => r.Text)));
        Assert.Equal(BillDocument.Read(h.Server).Sha256(), diff.NewerSha256);
    }

    [Fact]
    public void LeavesTheFacilitatorsOwnEditsUnattributed()
    {
        var h = ThreeClauseBill();
        var v1 = h.TakeVersion();
        History.Body(h.Server, History.ClauseIdAt(h.Server, 1)).Insert(0, "Désormais, ");

        var diff = BillVersions.Compare(h.Server, v1, null, h.Records);

        Assert.All(diff.Clauses[0].Body.Runs, r => Assert.Empty(r.Groups));
        Assert.Equal("No attributed change.", DiffSummary.Describe(diff, "en"));
    }
}
