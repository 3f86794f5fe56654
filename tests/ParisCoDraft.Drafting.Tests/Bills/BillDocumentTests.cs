using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Bills;

public class BillDocumentTests
{
    private static Doc NewDoc(long client) => new(new DocOptions { ClientId = client });

    private static void Exchange(Doc a, Doc b)
    {
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
        Y.ApplyUpdate(a, Y.EncodeStateAsUpdate(b, Y.EncodeStateVector(a)));
    }

    [Fact]
    public void NumbersActiveClausesInOrder()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "Titre", "Préambule", [new("Un", "a"), new("Deux", "b"), new("Trois", "c")]);

        BillDocument.Withdraw(doc, ids[1]);
        var bill = BillDocument.Read(doc);

        Assert.Equal("Titre", bill.Title);
        Assert.Equal("Préambule", bill.Preamble);
        Assert.Equal([(1, "Un"), (2, "Trois")], bill.Clauses.Select(c => (c.Number, c.Heading)));
        Assert.Equal(ids[1], Assert.Single(bill.Withdrawn).Id);
    }

    [Fact]
    public void InsertsAClauseAfterAnother()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "T", null, [new("Un", "a"), new("Deux", "b")]);

        var added = BillDocument.AddClause(doc, new ClauseDraft("Entre", "x"), ids[0]);

        Assert.Equal([ids[0], added, ids[1]], BillDocument.Read(doc).Clauses.Select(c => c.Id));
    }

    [Fact]
    public void ConcurrentMovesOfOneClauseKeepItOnce()
    {
        var a = NewDoc(1);
        var ids = BillDocument.Initialize(a, "T", null, [new("1", ""), new("2", ""), new("3", ""), new("4", "")]);
        var b = NewDoc(2);
        Exchange(a, b);
        var bill = BillDocument.Read(a);

        // a moves clause 4 to the front, b moves it between 2 and 3, at the same time.
        a.Transact(_ => BillDocument.ClauseMap(a, ids[3]).Set("order", OrderKey.Between(null, bill.Clauses[0].Order)));
        b.Transact(_ => BillDocument.ClauseMap(b, ids[3]).Set("order", OrderKey.Between(bill.Clauses[1].Order, bill.Clauses[2].Order)));
        Exchange(a, b);

        var inA = BillDocument.Read(a).Clauses.Select(c => c.Id).ToList();
        var inB = BillDocument.Read(b).Clauses.Select(c => c.Id).ToList();
        Assert.Equal(inA, inB);
        Assert.Equal(4, inA.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), inA.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ConcurrentInsertsAtTheSamePlaceGetTheSameOrderEverywhere()
    {
        var a = NewDoc(1);
        var ids = BillDocument.Initialize(a, "T", null, [new("1", ""), new("2", "")]);
        var b = NewDoc(2);
        Exchange(a, b);

        var fromA = BillDocument.AddClause(a, new ClauseDraft("A", ""), ids[0]);
        var fromB = BillDocument.AddClause(b, new ClauseDraft("B", ""), ids[0]);
        Exchange(a, b);

        var order = BillDocument.Read(a).Clauses.Select(c => c.Id).ToList();
        Assert.Equal(order, BillDocument.Read(b).Clauses.Select(c => c.Id));
        Assert.Equal(ids[0], order[0]);
        Assert.Equal(ids[1], order[3]);
        Assert.Equal(new[] { fromA, fromB }.Order(StringComparer.Ordinal), order.Skip(1).Take(2));
    }

    [Fact]
    public void HashesTheCanonicalTextSoAnyCommaChangesIt()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "T", null, [new("Un", "la Ville, et la Région")]);
        var before = BillDocument.Read(doc).Sha256();

        doc.Transact(_ => ((YText)BillDocument.ClauseMap(doc, ids[0]).Get("body")!).Delete(8, 1));

        Assert.NotEqual(before, BillDocument.Read(doc).Sha256());
        Assert.Equal("la Ville et la Région", BillDocument.Read(doc).Clauses[0].Body);
    }

    [Fact]
    public void SplitsAClauseIntoTwoInPlace()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "T", null, [new("Un", "Première phrase. Seconde phrase."), new("Deux", "b")]);

        var added = BillDocument.Split(doc, ids[0], 17, "Un bis");

        var bill = BillDocument.Read(doc);
        Assert.Equal([ids[0], added, ids[1]], bill.Clauses.Select(c => c.Id));
        Assert.Equal("Première phrase. ", bill.Clauses[0].Body);
        Assert.Equal("Seconde phrase.", bill.Clauses[1].Body);
        Assert.Equal(ids[0], bill.Clauses[1].SplitFrom);
    }

    [Fact]
    public void MergesAClauseIntoAnotherAndWithdrawsIt()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "T", null, [new("Un", "a"), new("Deux", "b")]);

        BillDocument.Merge(doc, ids[0], ids[1]);

        var bill = BillDocument.Read(doc);
        Assert.Equal("a\n\nb", Assert.Single(bill.Clauses).Body);
        Assert.Equal(ids[0], Assert.Single(bill.Withdrawn).MergedInto);
    }

    [Fact]
    public void MovesAClauseToTheFront()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "T", null, [new("1", ""), new("2", ""), new("3", "")]);

        BillDocument.Move(doc, ids[2], null);
        BillDocument.Move(doc, ids[0], ids[1]);

        Assert.Equal([ids[2], ids[1], ids[0]], BillDocument.Read(doc).Clauses.Select(c => c.Id));
    }

    [Fact]
    public void ReadsTheBillAsItWasAtASnapshot()
    {
        var doc = new Doc(new DocOptions { ClientId = 1, Gc = false });
        var ids = BillDocument.Initialize(doc, "Titre", null, [new("Un", "la Ville, et la Région"), new("Deux", "b")]);
        var workshop1 = Y.Snapshot(doc);

        doc.Transact(_ => ((YText)BillDocument.ClauseMap(doc, ids[0]).Get("body")!).Delete(8, 1));
        BillDocument.Move(doc, ids[1], null);
        BillDocument.AddClause(doc, new ClauseDraft("Trois", "c"));
        BillDocument.Withdraw(doc, ids[0]);

        var then = BillDocument.Read(doc, workshop1);
        Assert.Equal([(ids[0], "la Ville, et la Région"), (ids[1], "b")], then.Clauses.Select(c => (c.Id, c.Body)));
        Assert.Empty(then.Withdrawn);
        var now = BillDocument.Read(doc);
        Assert.Equal(["Deux", "Trois"], now.Clauses.Select(c => c.Heading));
        Assert.Equal("la Ville et la Région", Assert.Single(now.Withdrawn).Body);
    }
}
