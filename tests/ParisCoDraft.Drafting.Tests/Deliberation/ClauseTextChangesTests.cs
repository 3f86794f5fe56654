using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Deliberation;

/// <summary>The server's doc and a participant's replica of it; edits are made on the replica and decoded against the server's doc.</summary>
public class ClauseTextChangesTests
{
    private readonly Doc _server = new(new DocOptions { Gc = false, ClientId = 1 });
    private readonly Doc _replica = new(new DocOptions { Gc = false, ClientId = 2 });
    private readonly IReadOnlyList<string> _ids;

    public ClauseTextChangesTests()
    {
        _ids = BillDocument.Initialize(_server, "Titre", "Préambule",
            [new ClauseDraft("Objet", "La Ville crée des îlots de fraîcheur."), new ClauseDraft("Moyens", "Un budget est alloué.")]);
        Y.ApplyUpdate(_replica, Y.EncodeStateAsUpdate(_server));
    }

    private ClauseTouches Touches(Action<Doc> edit)
    {
        byte[]? update = null;
        void OnUpdate(object? s, UpdateEventArgs e) => update = e.Update;
        _replica.Updated += OnUpdate;
        _replica.Transact(_ => edit(_replica));
        _replica.Updated -= OnUpdate;
        Assert.NotNull(update);
        return ClauseTextChanges.Find(_server, Y.ReadUpdateInfo(update), _server.StateVector);
    }

    private static YText Body(Doc doc, string id) => (YText)BillDocument.ClauseMap(doc, id).Get("body")!;

    private static YText Heading(Doc doc, string id) => (YText)BillDocument.ClauseMap(doc, id).Get("heading")!;

    [Fact]
    public void TypingInABodyTouchesThatClauseOnly()
    {
        var touches = Touches(d => Body(d, _ids[0]).Insert(3, "nouvelle "));
        Assert.Equal([_ids[0]], touches.Clauses);
        Assert.False(touches.Unresolved);
        Assert.True(touches.ChangesAnything);
    }

    [Fact]
    public void TypingAfterOwnTypingInTheSameUpdateIsPlacedThroughTheUpdatesOwnStructs()
    {
        var touches = Touches(d =>
        {
            Body(d, _ids[1]).Insert(0, "A");
            Body(d, _ids[1]).Insert(1, "B");
            Heading(d, _ids[1]).Insert(0, "X");
        });
        Assert.Equal([_ids[1]], touches.Clauses);
    }

    [Fact]
    public void DeletingHeadingTextTouchesTheClause()
    {
        var touches = Touches(d => Heading(d, _ids[1]).Delete(0, 3));
        Assert.Equal([_ids[1]], touches.Clauses);
    }

    [Fact]
    public void MovingOrWithdrawingAClauseDoesNotTouchItsText()
    {
        Assert.Empty(Touches(d => BillDocument.Move(d, _ids[1], null)).Clauses);
        Assert.Empty(Touches(d => BillDocument.Withdraw(d, _ids[0])).Clauses);
    }

    [Fact]
    public void EditingTheTitleOrAddingAClauseTouchesNoExistingClause()
    {
        var title = Touches(d => d.GetText(BillDocument.TitleRoot).Insert(0, "Nouveau "));
        Assert.Empty(title.Clauses);
        Assert.True(title.ChangesAnything);
        var added = Touches(d => BillDocument.AddClause(d, new ClauseDraft("Nouveau", "Texte neuf."), _ids[0]));
        Assert.DoesNotContain(_ids[0], added.Clauses);
        Assert.DoesNotContain(_ids[1], added.Clauses);
    }

    [Fact]
    public void ReplacingAClauseBodyTextOrTheClauseMapItselfTouchesIt()
    {
        Assert.Equal([_ids[0]], Touches(d => BillDocument.ClauseMap(d, _ids[0]).Set("body", new YText("remplacé"))).Clauses);
        Assert.Equal([_ids[1]], Touches(d => d.GetMap(BillDocument.ClausesRoot).Delete(_ids[1])).Clauses);
        Assert.Equal([_ids[0]], Touches(d => d.GetMap(BillDocument.ClausesRoot).Set(_ids[0], new YMap())).Clauses);
    }

    [Fact]
    public void MergingTouchesTheClauseThatReceivesTheText()
    {
        var touches = Touches(d => BillDocument.Merge(d, _ids[0], _ids[1]));
        Assert.Contains(_ids[0], touches.Clauses);
    }

    [Fact]
    public void AnUpdateTheServerAlreadyHasChangesNothing()
    {
        var full = Y.EncodeStateAsUpdate(_replica);
        var touches = ClauseTextChanges.Find(_server, Y.ReadUpdateInfo(full), _server.StateVector);
        Assert.Empty(touches.Clauses);
        Assert.False(touches.ChangesAnything);
    }

    [Fact]
    public void ContentHangingOnStructsTheServerLacksIsUnresolved()
    {
        // An edit on a replica that holds text the server never received.
        var other = new Doc(new DocOptions { Gc = false, ClientId = 3 });
        Y.ApplyUpdate(other, Y.EncodeStateAsUpdate(_server));
        var sv = Y.EncodeStateVector(other);
        other.Transact(_ => Body(other, _ids[0]).Insert(0, "caché "));
        var beforeSecond = Y.EncodeStateVector(other);
        other.Transact(_ => Body(other, _ids[0]).Insert(2, "X"));
        var second = Y.EncodeStateAsUpdate(other, beforeSecond);
        var touches = ClauseTextChanges.Find(_server, Y.ReadUpdateInfo(second), _server.StateVector);
        Assert.True(touches.Unresolved);
        Assert.NotNull(sv);
    }
}
