using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Tests.Attribution;
using ParisCoDraft.Drafting.Workshops;

namespace ParisCoDraft.Drafting.Tests.Diffs;

public class ClauseAuthorshipTests
{
    // Client ids and the people the server bound them to.
    private const long Server = 1, Facilitator = 10, Agent = 20, Citizen = 30, Elected = 40, OtherElected = 41;

    private static readonly Dictionary<long, ChangeWriter> People = new()
    {
        [Facilitator] = new("p-fac", "Fanny (animation)", Role.Facilitator),
        [Agent] = new("p-agent", "Dominique", Role.CivilServant),
        [Citizen] = new("p-cit", "Camille", Role.Citizen),
        [Elected] = new("p-elu", "Élise", Role.Elected),
        [OtherElected] = new("p-elu2", "Étienne", Role.Elected),
    };

    private static History FiveClauseBill() => new(
        "Délibération sur les îlots de fraîcheur",
        ("Objet", "La Ville ouvre vingt îlots de fraîcheur."),
        ("Horaires", "Les îlots ouvrent de 9 h à 19 h."),
        ("Lieux", "Un îlot par arrondissement au moins."),
        ("Accès", "L'accès est libre et gratuit."),
        ("Suivi", "Un bilan est présenté chaque année."));

    private static ClauseWriters Writers(params string[] adoptedNewClauses) =>
        new(People, new HashSet<string>(adoptedNewClauses, StringComparer.Ordinal));

    private static BillDiff Compare(History h, byte[] older, byte[]? newer, ClauseWriters? writers = null) =>
        ClauseAuthorship.Attribute(BillVersions.Compare(h.Server, older, newer, h.Records), h.Server, older, newer, writers ?? Writers());

    private static Doc Replica(History h, long client) => h.Replica(client, People[client].Role!.Value.Group());

    [Fact]
    public void NamesTheGroupThatMovedWithdrewAddedAndSplitEachArticle()
    {
        var h = FiveClauseBill();
        var elected = Replica(h, Elected);
        var agent = Replica(h, Agent);
        var citizen = Replica(h, Citizen);
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        BillDocument.Move(elected, ids[2], ids[4]); // article 3 after article 5
        h.Send(elected);
        h.Receive(agent);
        BillDocument.Withdraw(agent, ids[1]); // article 2
        h.Send(agent);
        h.Receive(citizen);
        var added = BillDocument.AddClause(citizen, new ClauseDraft("Fontaines", "Une fontaine par quartier."));
        var split = BillDocument.Split(citizen, ids[0], "La Ville ouvre vingt îlots".Length, "Objet (suite)");
        h.Send(citizen);
        var diff = Compare(h, v1, h.TakeVersion());

        var move = diff.For(ids[2])!;
        Assert.True(move.Has(ClauseChanges.Moved));
        Assert.Equal(new ChangeAuthor(ClauseChanges.Moved, ChangeAuthorKind.Participant, StakeholderGroup.ElectedOfficials, Role.Elected, "Élise", 0), move.By);
        Assert.Equal(ClauseChanges.Withdrawn, diff.For(ids[1])!.Changes);
        Assert.Equal((ClauseChanges.Withdrawn, StakeholderGroup.CivilServants, "Dominique"), (diff.For(ids[1])!.By!.Change, diff.For(ids[1])!.By!.Group, diff.For(ids[1])!.By!.Name));
        Assert.Equal((ClauseChanges.Added, StakeholderGroup.Citizens), (diff.For(added)!.By!.Change, diff.For(added)!.By!.Group));
        Assert.Equal((ClauseChanges.Split, StakeholderGroup.Citizens), (diff.For(split)!.By!.Change, diff.For(split)!.By!.Group));
        // Nothing clause-level happened to articles 4 and 5 (merely renumbered): nobody to name.
        Assert.Null(diff.For(ids[3])!.By);
        Assert.Null(diff.For(ids[4])!.By);
        Assert.Equal(
            "Citizens cut words from article 1 (2 words); civil servants withdrew article 2; citizens split article 1 (new article 2); " +
            "elected officials moved article 3 after article 5; citizens added article 6.",
            DiffSummary.Describe(diff, "en"));
        Assert.Contains("les élu·es ont déplacé l'article 3 après l'article 5", DiffSummary.Describe(diff, "fr"), StringComparison.Ordinal);
        Assert.Contains("; les agent·es ont retiré l'article 2;", DiffSummary.Describe(diff, "fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoresWritesMadeBeforeTheOlderVersion()
    {
        var h = FiveClauseBill();
        var citizen = Replica(h, Citizen);
        var elected = Replica(h, Elected);
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();
        // Before version 1: the citizen moves article 1 to the end and adds a clause.
        BillDocument.Move(citizen, ids[0], ids[4]);
        var early = BillDocument.AddClause(citizen, new ClauseDraft("Ombre", "Des arbres."));
        h.Send(citizen);
        h.Receive(elected);
        var v1 = h.TakeVersion();

        // Between the versions: the elected official moves that same clause back and withdraws the early one.
        BillDocument.Move(elected, ids[0], null);
        BillDocument.Withdraw(elected, early);
        h.Send(elected);
        var diff = Compare(h, v1, h.TakeVersion());

        Assert.Equal(new ChangeAuthor(ClauseChanges.Moved, ChangeAuthorKind.Participant, StakeholderGroup.ElectedOfficials, Role.Elected, "Élise", 0), diff.For(ids[0])!.By);
        Assert.Equal(new ChangeAuthor(ClauseChanges.Withdrawn, ChangeAuthorKind.Participant, StakeholderGroup.ElectedOfficials, Role.Elected, "Élise", 0), diff.For(early)!.By);
        Assert.DoesNotContain("itizens", DiffSummary.Describe(diff, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesTheLastOfSeveralMoversAndCountsTheOthers()
    {
        var h = FiveClauseBill();
        var elected = Replica(h, Elected);
        var otherElected = Replica(h, OtherElected);
        var agent = Replica(h, Agent);
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        BillDocument.Move(elected, ids[0], ids[2]);
        h.Send(elected);
        h.Receive(otherElected);
        BillDocument.Move(otherElected, ids[0], ids[3]);
        h.Send(otherElected);
        h.Receive(agent);
        BillDocument.Move(agent, ids[0], ids[4]);
        h.Send(agent);
        var diff = Compare(h, v1, h.TakeVersion());

        var by = diff.For(ids[0])!.By!;
        Assert.Equal((ClauseChanges.Moved, StakeholderGroup.CivilServants, "Dominique", 2), (by.Change, by.Group, by.Name, by.Others));
        Assert.Equal("Civil servants moved article 1 after article 5 (and 2 other people).", DiffSummary.Describe(diff, "en"));
        Assert.Equal("Les agent·es ont déplacé l'article 1 après l'article 5 (et 2 autres personnes).", DiffSummary.Describe(diff, "fr"));
    }

    [Fact]
    public void ReportsTheClauseSomeoneDraggedWhenTwoArticlesSwap()
    {
        var h = FiveClauseBill();
        var citizen = Replica(h, Citizen);
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        BillDocument.Move(citizen, ids[1], null); // article 2 to the top: the plain rule would call article 1 moved
        h.Send(citizen);
        var plain = BillVersions.Compare(h.Server, v1, h.TakeVersion(), h.Records);
        var diff = Compare(h, v1, h.TakeVersion());

        Assert.True(plain.For(ids[0])!.Has(ClauseChanges.Moved));
        Assert.False(diff.For(ids[0])!.Has(ClauseChanges.Moved));
        Assert.Null(diff.For(ids[0])!.By);
        Assert.True(diff.For(ids[1])!.Has(ClauseChanges.Moved | ClauseChanges.Renumbered));
        Assert.Equal(StakeholderGroup.Citizens, diff.For(ids[1])!.By!.Group);
        Assert.Equal("Citizens moved article 2 to the top.", DiffSummary.Describe(diff, "en"));
        Assert.Equal("Les citoyen·nes ont déplacé l'article 2 en tête.", DiffSummary.Describe(diff, "fr"));
    }

    [Fact]
    public void NamesAMergeByItsTargetsOlderNumber()
    {
        var h = FiveClauseBill();
        var agent = Replica(h, Agent);
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        BillDocument.Merge(agent, ids[2], ids[1]);
        h.Send(agent);
        var diff = Compare(h, v1, h.TakeVersion());

        Assert.Equal((ClauseChanges.Merged, StakeholderGroup.CivilServants), (diff.For(ids[1])!.By!.Change, diff.For(ids[1])!.By!.Group));
        // The merged article's whole text is not repeated as the group's cut; the words appended to the target are.
        Assert.Equal(
            "Civil servants merged article 2 into article 3; civil servants added to article 2 (9 words).",
            DiffSummary.Describe(diff, "en"));
    }

    [Fact]
    public void SaysAnAdoptedAmendmentAddedTheClauseAndAnUnknownWriterWithdrewOne()
    {
        var h = FiveClauseBill();
        var adoption = h.Replica(Facilitator, null); // the server's adoption client, bound to the facilitator
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        var adopted = BillDocument.AddClause(adoption, new ClauseDraft("Eau", "Des brumisateurs."), ids[4]);
        h.Send(adoption);
        BillDocument.Withdraw(h.Server, ids[3]); // the server's own client: bound to nobody
        var diff = Compare(h, v1, null, Writers(adopted));

        var by = diff.For(adopted)!.By!;
        Assert.Equal((ChangeAuthorKind.AdoptedAmendment, (StakeholderGroup?)null, Role.Facilitator, "adopted-amendment"), (by.Kind, by.Group, by.Role, by.Who));
        Assert.Equal(ChangeAuthorKind.Unknown, diff.For(ids[3])!.By!.Kind);
        Assert.Equal("Article 4 was withdrawn (author unknown); an adopted amendment added article 5.", DiffSummary.Describe(diff, "en"));
        Assert.Equal("L'article 4 a été retiré (auteur inconnu); un amendement adopté a ajouté l'article 5.", DiffSummary.Describe(diff, "fr"));

        // The same facilitator adding a clause that no amendment proposed: the facilitator, not an amendment.
        var own = Compare(h, v1, null, Writers()).For(adopted)!.By!;
        Assert.Equal((ChangeAuthorKind.Participant, "facilitator"), (own.Kind, own.Who));
    }

    [Fact]
    public void MarksEachAttributedClauseInTheHtml()
    {
        var h = FiveClauseBill();
        var elected = Replica(h, Elected);
        var v1 = h.TakeVersion();
        var ids = BillDocument.Read(h.Server).Clauses.Select(c => c.Id).ToArray();

        BillDocument.Move(elected, ids[2], ids[4]);
        h.Send(elected);
        var diff = Compare(h, v1, h.TakeVersion(), new ClauseWriters(
            new Dictionary<long, ChangeWriter> { [Elected] = new("p-elu", "Élise <\"la\">", Role.Elected) }, new HashSet<string>()));

        var inline = DiffHtml.Inline(diff);
        Assert.Contains(
            $"data-clause=\"{ids[2]}\" data-by-change=\"moved\" data-by=\"elected-officials\" data-by-name=\"Élise &lt;&quot;la&quot;&gt;\">",
            inline, StringComparison.Ordinal);
        Assert.Contains($"data-clause=\"{ids[3]}\">", DiffHtml.SideBySide(diff), StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesEveryClauseUnattributedWhenNothingClauseLevelHappened()
    {
        var h = FiveClauseBill();
        var agent = Replica(h, Agent);
        var v1 = h.TakeVersion();
        History.Body(agent, History.ClauseIdAt(agent, 1)).Insert(0, "Désormais, ");
        h.Send(agent);

        var diff = Compare(h, v1, h.TakeVersion());

        Assert.All(diff.Clauses, c => Assert.Null(c.By));
        Assert.Equal("Civil servants added to article 1 (1 word).", DiffSummary.Describe(diff, "en"));
    }
}
