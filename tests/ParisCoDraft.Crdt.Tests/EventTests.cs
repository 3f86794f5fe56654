namespace ParisCoDraft.Crdt.Tests;

public sealed class EventTests
{
    [Fact]
    public void ReportsTextDeltaAndOriginToObservers()
    {
        var doc = Builders.NewDoc(1);
        var text = doc.GetText("t");
        text.Insert(0, "hello");
        string? delta = null;
        object? origin = null;
        text.Observe((e, tr) =>
        {
            delta = Builders.DeltaJson(e.Delta);
            origin = tr.Origin;
        });
        doc.Transact(_ =>
        {
            text.Delete(0, 1);
            text.Insert(4, "!", Builders.Attrs(("bold", true)));
        }, "me");
        Assert.Equal("[{\"delete\":1},{\"retain\":4},{\"insert\":\"!\",\"attributes\":{\"bold\":true}}]", delta);
        Assert.Equal("me", origin);
    }

    [Fact]
    public void ReportsMapKeyChangesWithOldValues()
    {
        var doc = Builders.NewDoc(1);
        var map = doc.GetMap("m");
        map.Set("a", 1L);
        map.Set("b", 2L);
        IReadOnlyDictionary<string, KeyChange>? keys = null;
        map.Observe((e, _) => keys = e.Keys);
        doc.Transact(_ =>
        {
            map.Set("a", 10L);
            map.Delete("b");
            map.Set("c", 3L);
        });
        Assert.Equal(new KeyChange(KeyChangeAction.Update, 1L), keys!["a"]);
        Assert.Equal(new KeyChange(KeyChangeAction.Delete, 2L), keys["b"]);
        Assert.Equal(new KeyChange(KeyChangeAction.Add, null), keys["c"]);
    }

    [Fact]
    public void ReportsArrayDeltaAndDeepEventsWithPaths()
    {
        var doc = Builders.NewDoc(1);
        var root = doc.GetMap("clauses");
        var clause = new YMap();
        root.Set("c1", clause);
        var body = new YText();
        clause.Set("body", body);
        var paths = new List<string>();
        root.ObserveDeep((events, _) =>
        {
            foreach (var e in events) paths.Add(string.Join("/", e.Path));
        });
        body.Insert(0, "x");
        Assert.Equal(["c1/body"], paths);

        var arr = doc.GetArray("a");
        arr.Push([1L, 2L, 3L]);
        string? delta = null;
        arr.Observe((e, _) => delta = Builders.DeltaJson(e.Delta));
        arr.Delete(1);
        arr.Insert(0, ["z"]);
        Assert.Equal("[{\"insert\":[\"z\"]}]", delta);
    }

    [Fact]
    public void EmitsUpdatesOnlyForTransactionsThatChangeSomething()
    {
        var doc = Builders.NewDoc(1);
        var updates = new List<(byte[] Update, object? Origin)>();
        doc.Updated += (_, e) => updates.Add((e.Update, e.Origin));
        doc.Transact(_ => { }, "nothing");
        doc.GetText("t").Insert(0, "a");
        doc.Transact(_ => doc.GetText("t").Delete(0, 1), "del");
        Assert.Equal(2, updates.Count);
        Assert.Equal("del", updates[1].Origin);
        var other = Builders.NewDoc(2);
        foreach (var (u, _) in updates) Y.ApplyUpdate(other, u);
        Assert.Equal("", other.GetText("t").ToString());
        Assert.Equal(Y.EncodeStateVector(doc), Y.EncodeStateVector(other));
    }

    [Fact]
    public void AfterTransactionGivesChangedTypesAndStates()
    {
        var doc = Builders.NewDoc(1);
        var text = doc.GetText("t");
        Transaction? seen = null;
        doc.AfterTransaction += (_, e) => seen = e.Transaction;
        text.Insert(0, "abc");
        Assert.NotNull(seen);
        Assert.Contains(text, seen.ChangedTypes);
        Assert.Equal(3, seen.AfterState[1]);
        Assert.False(seen.BeforeState.ContainsKey(1));
        Assert.True(seen.Local);
    }

    [Fact]
    public void ConvertsARootCreatedByARemoteUpdateToTheRequestedType()
    {
        var a = Builders.NewDoc(1);
        a.GetArray("list").Push(["x"]);
        var b = Builders.NewDoc(2);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        Assert.Contains("list", b.RootNames);
        Assert.Equal(["x"], b.GetArray("list").ToArray());
        Assert.Throws<InvalidOperationException>(() => b.GetText("list"));
    }

    [Fact]
    public void KeepsClientIdsUpToTwoToThe53()
    {
        var doc = Builders.NewDoc(9007199254740991);
        doc.GetText("t").Insert(0, "max");
        var other = Builders.NewDoc(1);
        Y.ApplyUpdate(other, Y.EncodeStateAsUpdate(doc));
        Assert.Equal(3, other.StateVector[9007199254740991]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Doc(new DocOptions { ClientId = 1L << 53 }));
    }
}
