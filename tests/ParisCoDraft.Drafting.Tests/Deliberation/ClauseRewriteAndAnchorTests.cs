using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Deliberation;

public class ClauseRewriteAndAnchorTests
{
    private static (Doc Doc, string Id) OneClause(string body)
    {
        var doc = new Doc(new DocOptions { Gc = false });
        var ids = BillDocument.Initialize(doc, "Titre", null, [new ClauseDraft("Objet", body)]);
        return (doc, ids[0]);
    }

    [Fact]
    public void RewritingMakesTheClauseReadAsTheAmendmentInOneUpdate()
    {
        var (doc, id) = OneClause("La Ville crée des îlots de fraîcheur dans chaque arrondissement.");
        var updates = 0;
        doc.Updated += (_, _) => updates++;
        ClauseRewrite.Apply(doc, id, "Objet du texte", "La Ville crée et entretient des îlots de fraîcheur dans chaque quartier.");
        var clause = BillDocument.Read(doc).Clauses[0];
        Assert.Equal("Objet du texte", clause.Heading);
        Assert.Equal("La Ville crée et entretient des îlots de fraîcheur dans chaque quartier.", clause.Body);
        Assert.Equal(1, updates);
    }

    [Fact]
    public void AnAnchorOnUntouchedWordsSurvivesARewriteAndFollowsInsertions()
    {
        var body = "La Ville crée des îlots de fraîcheur.";
        var (doc, id) = OneClause(body);
        var from = body.IndexOf("îlots", StringComparison.Ordinal);
        var (start, end) = CommentAnchor.Create(doc, id, "body", from, from + "îlots".Length);

        ClauseRewrite.Apply(doc, id, "Objet", "Dès 2026, la Ville crée des îlots de fraîcheur ombragés.");
        var resolved = CommentAnchor.Resolve(doc, id, "body", start, end);

        Assert.NotNull(resolved);
        Assert.False(resolved.Deleted);
        Assert.Equal("îlots", resolved.Quote);
    }

    [Fact]
    public void AnAnchorWhoseTextWasDeletedSaysSo()
    {
        var (doc, id) = OneClause("Supprimez cette phrase. Gardez celle-ci.");
        var (start, end) = CommentAnchor.Create(doc, id, "body", 0, "Supprimez cette phrase.".Length);
        doc.Transact(_ => ((YText)BillDocument.ClauseMap(doc, id).Get("body")!).Delete(0, "Supprimez cette phrase. ".Length));

        var resolved = CommentAnchor.Resolve(doc, id, "body", start, end);

        Assert.NotNull(resolved);
        Assert.True(resolved.Deleted);
    }

    [Fact]
    public void AnAnchorIsCheckedForDecodingAndSize()
    {
        var (doc, id) = OneClause("Texte.");
        var (start, end) = CommentAnchor.Create(doc, id, "body", 0, 3);
        Assert.Null(CommentAnchor.Validate(start, end));
        Assert.NotNull(CommentAnchor.Validate(start, null));
        Assert.NotNull(CommentAnchor.Validate([0xff, 0xff], end));
        Assert.NotNull(CommentAnchor.Validate(new byte[CommentAnchor.MaxEncodedBytes + 1], end));
    }
}
