namespace ParisCoDraft.Crdt.Tests;

public sealed class SnapshotAndPositionTests
{
    [Fact]
    public void ReadsTextArrayAndMapAsOfASnapshot()
    {
        var doc = Builders.NewDoc(1, gc: false);
        var text = doc.GetText("t");
        var arr = doc.GetArray("a");
        var map = doc.GetMap("m");
        text.Insert(0, "hello world");
        arr.Push(["x", "y"]);
        map.Set("k", "old");
        var snap = Y.Snapshot(doc);
        text.Delete(0, 6);
        text.Insert(0, "bye ");
        arr.Delete(0, 1);
        map.Set("k", "new");
        map.Set("k2", 1L);

        Assert.Equal("hello world", text.ToString(snap));
        Assert.Equal("bye world", text.ToString());
        Assert.Equal(["x", "y"], arr.ToArray(snap));
        Assert.Equal("old", map.Get("k", snap));
        Assert.Null(map.Get("k2", snap));

        var decoded = Y.DecodeSnapshot(Y.EncodeSnapshot(snap));
        Assert.True(decoded.ContentEquals(snap));
        var past = Y.CreateDocFromSnapshot(doc, decoded);
        Assert.Equal("hello world", past.GetText("t").ToString());
        Assert.Equal(["x", "y"], past.GetArray("a").ToArray());
        Assert.Equal("old", past.GetMap("m").Get("k"));
    }

    [Fact]
    public void MarksChangesBetweenSnapshotsInTheDelta()
    {
        var doc = Builders.NewDoc(1, gc: false);
        var text = doc.GetText("t");
        text.Insert(0, "abc");
        var s1 = Y.Snapshot(doc);
        text.Delete(0, 1);
        text.Insert(2, "d");
        var s2 = Y.Snapshot(doc);
        var delta = text.ToDelta(s2, s1);
        Assert.Equal("[{\"insert\":\"a\",\"attributes\":{\"ychange\":{\"type\":\"removed\"}}},{\"insert\":\"bc\"},{\"insert\":\"d\",\"attributes\":{\"ychange\":{\"type\":\"added\"}}}]", Builders.DeltaJson(delta));
    }

    [Fact]
    public void RefusesSnapshotDocFromGarbageCollectedOrigin()
    {
        var doc = Builders.NewDoc(1);
        Assert.Throws<InvalidOperationException>(() => Y.CreateDocFromSnapshot(doc, Y.Snapshot(doc)));
    }

    [Fact]
    public void RelativePositionFollowsConcurrentEdits()
    {
        var a = Builders.NewDoc(1);
        var text = a.GetText("t");
        text.Insert(0, "hello world");
        var rpos = Y.CreateRelativePositionFromTypeIndex(text, 6);
        var b = Builders.NewDoc(2);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        b.GetText("t").Insert(0, ">> ");
        Y.ApplyUpdate(a, Y.EncodeStateAsUpdate(b));
        var abs = Y.CreateAbsolutePositionFromRelativePosition(Y.DecodeRelativePosition(Y.EncodeRelativePosition(rpos)), a);
        Assert.NotNull(abs);
        Assert.Equal(9, abs.Index);
        Assert.Same(text, abs.Type);
    }

    [Fact]
    public void EncodesRelativePositionsLikeYjs()
    {
        // yjs: d.clientID = 1; t = d.getText('t'); t.insert(0, 'abc')
        // Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, 1)) -> 00 01 01 00
        // Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, 3)) -> 01 01 74 00 (tname 't')
        // Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(t, 3, -1)) -> 00 01 02 41 (assoc -1)
        // Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(t, 1)) -> {"tname":"t","item":{"client":1,"clock":1},"assoc":0}
        var doc = Builders.NewDoc(1);
        var t = doc.GetText("t");
        t.Insert(0, "abc");
        Assert.Equal("00010100", Builders.Hex(Y.EncodeRelativePosition(Y.CreateRelativePositionFromTypeIndex(t, 1))));
        Assert.Equal("01017400", Builders.Hex(Y.EncodeRelativePosition(Y.CreateRelativePositionFromTypeIndex(t, 3))));
        Assert.Equal("00010241", Builders.Hex(Y.EncodeRelativePosition(Y.CreateRelativePositionFromTypeIndex(t, 3, -1))));
        var json = Y.CreateRelativePositionFromTypeIndex(t, 1).ToJson();
        Assert.Equal("{\"tname\":\"t\",\"item\":{\"client\":1,\"clock\":1},\"assoc\":0}", json.ToJsonString());
        Assert.Equal(Y.CreateRelativePositionFromTypeIndex(t, 1), RelativePosition.FromJson(json));
        var end = Y.CreateAbsolutePositionFromRelativePosition(Y.CreateRelativePositionFromTypeIndex(t, 3), doc);
        Assert.Equal(3, end!.Index);
    }

    [Fact]
    public void ReturnsNullForPositionsInUnknownContent()
    {
        var doc = Builders.NewDoc(1);
        Assert.Null(Y.CreateAbsolutePositionFromRelativePosition(new RelativePosition(null, null, new Id(9, 5)), doc));
        Assert.Throws<UpdateDecodeException>(() => Y.DecodeRelativePosition([7]));
    }
}
