using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Bills;

public class BilingualBillTests
{
    private static Doc NewDoc(long client) => new(new DocOptions { ClientId = client, Gc = false });

    private static void Exchange(Doc a, Doc b)
    {
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)));
        Y.ApplyUpdate(a, Y.EncodeStateAsUpdate(b, Y.EncodeStateVector(a)));
    }

    private static YText Text(Doc doc, string clauseId, string key) => (YText)BillDocument.ClauseMap(doc, clauseId).Get(key)!;

    private static (Doc Doc, string Id) Bilingual(string frBody = "Les cours sont ouvertes.", string enBody = "")
    {
        var doc = NewDoc(1);
        var id = BillDocument.Initialize(doc, "Projet", null, [new("Cours", frBody)])[0];
        BillLanguages.Declare(doc, ["fr", "en"]);
        if (enBody.Length > 0) Text(doc, id, "body.en").Insert(0, enBody);
        BillLanguages.ConfirmAligned(doc, id);
        return (doc, id);
    }

    [Fact]
    public void AMonolingualBillReadsAsBeforeWithNoLanguagesAndTheSameHash()
    {
        var doc = NewDoc(1);
        BillDocument.Initialize(doc, "Titre", "Préambule", [new("Un", "a")]);
        var bill = BillDocument.Read(doc);

        Assert.False(bill.IsBilingual);
        Assert.Empty(bill.Clauses[0].Translations);
        Assert.Same(bill, bill.InLanguage("en"));
        Assert.Equal("Titre\n\nPréambule\n\nArticle 1 — Un\n\na\n\n", bill.ToCanonicalText());
        Assert.Equal(ClauseTextHash.Of("Un", "a"), ClauseTextHash.Of(bill.Clauses[0]));
    }

    [Fact]
    public void DeclaringABillBilingualGivesEveryClauseASecondTextKeepingTheFirst()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "Projet", null, [new("Cours", "Texte"), new("Eau", "Fontaines")]);

        BillLanguages.Declare(doc, ["fr", "en"]);
        var added = BillDocument.AddClause(doc, new ClauseDraft("Arbres", "Plantations"));
        var bill = BillDocument.Read(doc);

        Assert.Equal(["fr", "en"], bill.Languages);
        Assert.Equal(["Texte", "Fontaines", "Plantations"], bill.Clauses.Select(c => c.Body));
        Assert.All(bill.Clauses, c => Assert.Equal(new ClauseTranslation("", ""), c.Translations["en"]));
        Assert.IsType<YText>(BillDocument.ClauseMap(doc, ids[0]).Get("body.en"));
        Assert.IsType<YText>(BillDocument.ClauseMap(doc, added).Get("heading.en"));
    }

    [Fact]
    public void RejectsADeclarationWithoutTwoDifferentSupportedLanguages()
    {
        var doc = NewDoc(1);
        BillDocument.Initialize(doc, "Projet", null, [new("Cours", "Texte")]);

        Assert.Throws<ArgumentException>(() => BillLanguages.Declare(doc, ["fr", "fr"]));
        Assert.Throws<ArgumentException>(() => BillLanguages.Declare(doc, ["fr", "xx"]));
        Assert.Throws<ArgumentException>(() => BillLanguages.Declare(doc, ["fr"]));
        BillLanguages.Declare(doc, ["fr", "de"]);
        Assert.Throws<InvalidOperationException>(() => BillLanguages.Declare(doc, ["fr", "en"]));
        Assert.Empty(BillLanguages.Parse("fr,zz"));
    }

    [Fact]
    public void ReadsEachLanguageAsAMonolingualBillAlignedByClause()
    {
        var (doc, id) = Bilingual("Les cours sont ouvertes.", "Schoolyards are open.");
        doc.GetText("title.en").Insert(0, "Bill");
        var bill = BillDocument.Read(doc);

        var en = bill.InLanguage("en");
        Assert.Equal("Bill", en.Title);
        Assert.Equal(id, en.Clauses[0].Id);
        Assert.Equal("Schoolyards are open.", en.Clauses[0].Body);
        Assert.Equal("Les cours sont ouvertes.", bill.InLanguage("fr").Clauses[0].Body);
        Assert.False(en.IsBilingual);
    }

    [Fact]
    public void TheBillHashCoversBothLanguagesAndSoDoesTheClauseHash()
    {
        var (doc, id) = Bilingual("Texte", "Text");
        var before = BillDocument.Read(doc);

        Text(doc, id, "body.en").Insert(4, "s");
        var after = BillDocument.Read(doc);

        Assert.Contains("[fr]\n\n", before.ToCanonicalText(), StringComparison.Ordinal);
        Assert.Contains("[en]\n\n", before.ToCanonicalText(), StringComparison.Ordinal);
        Assert.NotEqual(before.Sha256(), after.Sha256());
        Assert.Equal(before.InLanguage("fr").Sha256(), after.InLanguage("fr").Sha256());
        Assert.NotEqual(ClauseTextHash.Of(before.Clauses[0]), ClauseTextHash.Of(after.Clauses[0]));
        Assert.NotEqual(ClauseTextHash.Of("", "Texte"), ClauseTextHash.Of(before.Clauses[0]));
    }

    [Fact]
    public void ASecondLanguageNeverConfirmedIsToReviewAgainstTheWholeFirstText()
    {
        var doc = NewDoc(1);
        BillDocument.Initialize(doc, "Projet", null, [new("Cours", "Texte")]);
        BillLanguages.Declare(doc, ["fr", "en"]);
        var bill = BillDocument.Read(doc);

        var reviews = ClauseReview.Of(bill.Clauses[0], bill.Languages);
        Assert.False(reviews[0].ToReview);
        Assert.True(reviews[1].ToReview);
        Assert.Equal("fr", reviews[1].Against);
        Assert.Equal(new ClauseTranslation("", ""), reviews[1].Was);
        Assert.Equal(new ClauseTranslation("Cours", "Texte"), reviews[1].Now);
    }

    [Fact]
    public void ChangingOneLanguageMarksTheOtherToReviewWithWhatChangedUntilConfirmed()
    {
        var (doc, id) = Bilingual("Les cours sont ouvertes.", "Schoolyards are open.");
        Assert.All(ClauseReview.Of(BillDocument.Read(doc).Clauses[0], ["fr", "en"]), r => Assert.False(r.ToReview));

        Text(doc, id, "body").Insert(23, " le samedi");
        var reviews = ClauseReview.Of(BillDocument.Read(doc).Clauses[0], ["fr", "en"]);
        Assert.False(reviews[0].ToReview);
        Assert.True(reviews[1].ToReview);
        Assert.Equal("Les cours sont ouvertes.", reviews[1].Was!.Body);
        Assert.Equal("Les cours sont ouvertes le samedi.", reviews[1].Now!.Body);

        Text(doc, id, "body.en").Insert(20, " on Saturdays");
        BillLanguages.ConfirmAligned(doc, id);
        Assert.All(ClauseReview.Of(BillDocument.Read(doc).Clauses[0], ["fr", "en"]), r => Assert.False(r.ToReview));
    }

    [Fact]
    public void TheReviewFlagConvergesOnReplicasEditingBothLanguagesAtOnce()
    {
        var (a, id) = Bilingual("Texte.", "Text.");
        var b = NewDoc(2);
        Exchange(a, b);

        // a edits the French text while b edits the English one, then b confirms before seeing a's edit.
        Text(a, id, "body").Insert(5, " modifié");
        Text(b, id, "body.en").Insert(4, " changed");
        BillLanguages.ConfirmAligned(b, id);
        Exchange(a, b);

        var inA = ClauseReview.Of(BillDocument.Read(a).Clauses[0], ["fr", "en"]);
        var inB = ClauseReview.Of(BillDocument.Read(b).Clauses[0], ["fr", "en"]);
        Assert.Equal(inA, inB);
        Assert.Equal("Texte modifié.", BillDocument.Read(a).Clauses[0].Body);
        Assert.Equal("Text changed.", BillDocument.Read(a).Clauses[0].Translations["en"].Body);
        // b confirmed without a's French edit: English is still to review against it.
        Assert.True(inA[1].ToReview);
        Assert.Equal("Texte.", inA[1].Was!.Body);
        Assert.False(inA[0].ToReview);
    }

    [Fact]
    public void TypingTheSecondLanguageTouchesTheClauseTextButConfirmingDoesNot()
    {
        var (server, id) = Bilingual("Texte.", "Text.");
        var replica = NewDoc(2);
        Exchange(server, replica);
        ClauseTouches TouchesOf(Action edit)
        {
            byte[]? update = null;
            void OnUpdate(object? s, UpdateEventArgs e) => update = e.Update;
            replica.Updated += OnUpdate;
            edit();
            replica.Updated -= OnUpdate;
            return ClauseTextChanges.Find(server, Y.ReadUpdateInfo(update!), server.StateVector);
        }

        // A lock or an open vote must stop the second language's text as it stops the first's.
        Assert.Equal([id], TouchesOf(() => Text(replica, id, "body.en").Insert(4, " changed")).Clauses);
        Assert.Equal([id], TouchesOf(() => Text(replica, id, "heading.en").Insert(0, "Title")).Clauses);
        Assert.Empty(TouchesOf(() => BillLanguages.ConfirmAligned(replica, id)).Clauses);
        // A clause added in a bilingual bill is text in both languages from the start.
        string added = "";
        Assert.Single(TouchesOf(() => added = BillDocument.AddClause(replica, new ClauseDraft("", ""))).Clauses);
        Assert.IsType<YText>(BillDocument.ClauseMap(replica, added).Get("body.en"));
    }

    [Fact]
    public void MergingAppendsTheBodyInEachLanguage()
    {
        var doc = NewDoc(1);
        var ids = BillDocument.Initialize(doc, "Projet", null, [new("Un", "Premier."), new("Deux", "Second.")]);
        BillLanguages.Declare(doc, ["fr", "en"]);
        Text(doc, ids[0], "body.en").Insert(0, "First.");
        Text(doc, ids[1], "body.en").Insert(0, "Second one.");

        BillDocument.Merge(doc, ids[0], ids[1]);

        var clause = Assert.Single(BillDocument.Read(doc).Clauses);
        Assert.Equal("Premier.\n\nSecond.", clause.Body);
        Assert.Equal("First.\n\nSecond one.", clause.Translations["en"].Body);
    }

    [Fact]
    public void AnUnreadableReviewRecordCountsAsNeverConfirmed()
    {
        Assert.Null(ClauseReview.Parse("{not json"));
        Assert.Null(ClauseReview.Parse("{\"fr\":{\"heading\":null}}"));
        var texts = new Dictionary<string, ClauseTranslation> { ["fr"] = new("H", "B"), ["en"] = new("", "") };
        Assert.Equal(texts, ClauseReview.Parse(ClauseReview.Serialize(texts)));
    }

    [Fact]
    public void ReadsEachLanguageAtAVersionSnapshot()
    {
        var (doc, id) = Bilingual("Avant", "Before");
        var snapshot = Y.Snapshot(doc);
        Text(doc, id, "body.en").Delete(0, 6);
        Text(doc, id, "body.en").Insert(0, "After");

        var then = BillDocument.Read(doc, snapshot);
        Assert.Equal(["fr", "en"], then.Languages);
        Assert.Equal("Before", then.InLanguage("en").Clauses[0].Body);
        Assert.Equal("After", BillDocument.Read(doc).InLanguage("en").Clauses[0].Body);
    }
}
