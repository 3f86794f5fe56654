using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Tests.Attribution;
using ParisCoDraft.Drafting.Workshops;

namespace ParisCoDraft.Drafting.Tests.Workshops;

public class BillVersionsTests
{
    [Fact]
    public void ReadsAVersionExactlyAsTakenAfterItsTextWasDeletedAndTheDocumentReloadedFromACompactedState()
    {
        var h = new History("Titre", ("Objet", "Premier texte, avec une virgule."), ("Suite", "Deuxième article."));
        var before = BillDocument.Read(h.Server);
        var (snapshot, sha) = BillVersions.Take(h.Server);
        var body = History.Body(h.Server, before.Clauses[0].Id);
        body.Delete(0, body.Length);
        body.Insert(0, "Tout autre chose");
        BillDocument.Withdraw(h.Server, before.Clauses[1].Id);

        // What compaction stores, loaded the way the server loads a bill.
        var reloaded = new Doc(new DocOptions { Gc = false });
        Y.ApplyUpdate(reloaded, Y.EncodeStateAsUpdate(h.Server));
        var again = BillVersions.Read(reloaded, snapshot);

        Assert.Equal(before.ToCanonicalText(), again.ToCanonicalText());
        Assert.Equal(sha, again.Sha256());
        Assert.Equal("Tout autre chose", BillDocument.Read(reloaded).Clauses[0].Body);
    }

    [Fact]
    public void RefusesToReadAVersionFromADocumentThatDropsDeletedText()
    {
        var h = new History("Titre", ("Objet", "Texte."));
        var (snapshot, _) = BillVersions.Take(h.Server);
        var collected = new Doc();
        Y.ApplyUpdate(collected, Y.EncodeStateAsUpdate(h.Server));

        Assert.Throws<InvalidOperationException>(() => BillVersions.Read(collected, snapshot));
    }

    [Fact]
    public void RefusesAVersionTheDocumentDoesNotHold()
    {
        var h = new History("Titre", ("Objet", "Texte."));
        var (snapshot, _) = BillVersions.Take(h.Server);
        var other = new Doc(new DocOptions { Gc = false });

        Assert.Throws<InvalidOperationException>(() => BillVersions.Read(other, snapshot));
    }
}
