namespace ParisCoDraft.Crdt.Tests;

public sealed class UpdateApplyTests
{
    [Fact]
    public void AppliesUpdatesArrivingOutOfOrderOnceTheGapIsFilled()
    {
        var source = Builders.NewDoc(1);
        var updates = Builders.RecordUpdates(source);
        var text = source.GetText("t");
        text.Insert(0, "abc");
        text.Insert(3, "def");
        text.Delete(1, 2);
        text.Insert(0, "X");

        var target = Builders.NewDoc(2);
        Y.ApplyUpdate(target, updates[3]);
        Y.ApplyUpdate(target, updates[2]);
        Assert.True(target.HasPending);
        Assert.Equal("", target.GetText("t").ToString());
        Y.ApplyUpdate(target, updates[1]);
        Y.ApplyUpdate(target, updates[0]);
        Assert.False(target.HasPending);
        Assert.Equal("Xadef", target.GetText("t").ToString());
        Assert.Equal(Y.EncodeStateAsUpdate(source), Y.EncodeStateAsUpdate(target));
    }

    [Fact]
    public void KeepsPendingContentInEncodedState()
    {
        var source = Builders.NewDoc(1);
        var updates = Builders.RecordUpdates(source);
        source.GetText("t").Insert(0, "ab");
        source.GetText("t").Insert(2, "cd");
        var relay = Builders.NewDoc(2);
        Y.ApplyUpdate(relay, updates[1]);
        var third = Builders.NewDoc(3);
        Y.ApplyUpdate(third, Y.EncodeStateAsUpdate(relay));
        Y.ApplyUpdate(third, updates[0]);
        Assert.Equal("abcd", third.GetText("t").ToString());
    }

    [Fact]
    public void MergesConcurrentInsertsAtSamePosition()
    {
        var a = Builders.NewDoc(1);
        var b = Builders.NewDoc(2);
        a.GetText("t").Insert(0, "A");
        b.GetText("t").Insert(0, "B");
        Builders.SyncAll(a, b);
        Assert.Equal(a.GetText("t").ToString(), b.GetText("t").ToString());
        Assert.Equal("AB", a.GetText("t").ToString());
    }

    [Fact]
    public void RejectsTruncatedUpdateAndLeavesDocUnchanged()
    {
        var source = Builders.NewDoc(1);
        source.GetText("t").Insert(0, "hello");
        source.GetMap("m").Set("k", "v");
        var full = Y.EncodeStateAsUpdate(source);

        var target = Builders.NewDoc(2);
        target.GetText("t").Insert(0, "mine");
        var before = Y.EncodeStateAsUpdate(target);
        for (int cut = 1; cut < full.Length; cut++)
        {
            try
            {
                Y.ApplyUpdate(target, full.AsSpan(0, cut));
            }
            catch (UpdateDecodeException)
            {
            }
            // a prefix that happens to decode may apply, otherwise nothing changes
            if (Y.EncodeStateAsUpdate(target).SequenceEqual(before)) continue;
            target = Builders.NewDoc(2);
            target.GetText("t").Insert(0, "mine");
        }
        var fresh = Builders.NewDoc(2);
        fresh.GetText("t").Insert(0, "mine");
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(fresh, full.AsSpan(0, full.Length - 3)));
        Assert.Equal(before, Y.EncodeStateAsUpdate(fresh));
    }

    [Fact]
    public void RejectsHostileCountsWithoutAllocating()
    {
        var doc = Builders.NewDoc(1);
        // 2^40 clients announced in 6 bytes
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(doc, [0x80, 0x80, 0x80, 0x80, 0x80, 0x20]));
        // unknown content ref 17
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(doc, [1, 1, 1, 0, 17, 0]));
        // item whose origin is itself
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(doc, [1, 1, 5, 0, 0x84, 5, 0, 1, 0x61, 0]));
        Assert.Empty(doc.StateVector);
    }

    [Fact]
    public void RejectsUpdateWhoseClockJumpExceedsThePendingBound()
    {
        var source = Builders.NewDoc(7);
        var updates = Builders.RecordUpdates(source);
        for (int i = 0; i < 5; i++) source.GetArray("a").Push(i);
        var doc = new Doc(new DocOptions { ClientId = 1, MaxPendingStructs = 3 });
        Y.ApplyUpdate(doc, updates[1]);
        Y.ApplyUpdate(doc, updates[2]);
        Y.ApplyUpdate(doc, updates[3]);
        Assert.Equal(3, doc.PendingStructCount);
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(doc, updates[4]));
        Assert.Equal(3, doc.PendingStructCount);
        Y.ApplyUpdate(doc, updates[0]);
        Y.ApplyUpdate(doc, updates[4]);
        Assert.Equal([0L, 1L, 2L, 3L, 4L], doc.GetArray("a").ToArray());
    }

    [Fact]
    public void KeepsDeletionsOfUnknownContentPendingUntilItArrives()
    {
        var source = Builders.NewDoc(1);
        var updates = Builders.RecordUpdates(source);
        source.GetText("t").Insert(0, "abc");
        source.GetText("t").Delete(0, 1);
        var doc = Builders.NewDoc(2);
        Y.ApplyUpdate(doc, updates[1]);
        Assert.True(doc.HasPending);
        Y.ApplyUpdate(doc, updates[0]);
        Assert.Equal("bc", doc.GetText("t").ToString());
        Assert.False(doc.HasPending);
    }

    [Fact]
    public void ReportsStructsAndDeleteSetWithoutApplying()
    {
        var source = Builders.NewDoc(3);
        var clause = new YMap();
        source.GetMap("clauses").Set("c1", clause);
        clause.Set("body", new YText("x"));
        source.GetText("title").Insert(0, "ab");
        source.GetText("title").Delete(0, 1);
        var info = Y.ReadUpdateInfo(Y.EncodeStateAsUpdate(source));
        var first = info.Structs[0];
        Assert.Equal("clauses", first.ParentName);
        Assert.Equal("c1", first.ParentSub);
        Assert.Equal(7, first.ContentRef);
        Assert.Equal(1, first.TypeRef);
        Assert.Contains(info.Structs, s => s.ParentId == new Id(3, 0) && s.ParentSub == "body");
        Assert.Single(info.DeleteSet.Clients[3]);
        var owner = source.FindItemParent(new Id(3, 2));
        Assert.Same(clause, owner?.Parent);
        Assert.Equal("body", owner?.ParentSub);
        Assert.Equal("clauses", source.FindItemParent(new Id(3, 0))?.Name);
    }

    [Fact]
    public void EncodesOnlyWhatTheTargetStateVectorLacks()
    {
        var a = Builders.NewDoc(1);
        a.GetText("t").Insert(0, "abc");
        var b = Builders.NewDoc(2);
        Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a));
        a.GetText("t").Insert(3, "d");
        var diff = Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b));
        Assert.True(diff.Length < Y.EncodeStateAsUpdate(a).Length);
        Y.ApplyUpdate(b, diff);
        Assert.Equal("abcd", b.GetText("t").ToString());
        Assert.Equal(new Dictionary<long, long> { [1] = 4 }, Y.DecodeStateVector(Y.EncodeStateVector(b)));
    }

    [Fact]
    public void KeepsDeletedContentWhenGcIsOff()
    {
        var doc = Builders.NewDoc(1, gc: false);
        doc.GetArray("a").Insert(0, ["x", "y"]);
        doc.GetArray("a").Delete(0, 1);
        var loaded = Builders.NewDoc(2, gc: false);
        Y.ApplyUpdate(loaded, Y.EncodeStateAsUpdate(doc));
        var kept = Y.ReadUpdateInfo(Y.EncodeStateAsUpdate(loaded)).Structs;
        Assert.DoesNotContain(kept, s => s.ContentRef == 1);
        Assert.Equal(2, kept.Count(s => s.ContentRef == 8));
        var gcDoc = Builders.NewDoc(3);
        gcDoc.GetArray("a").Insert(0, ["x", "y"]);
        gcDoc.GetArray("a").Delete(0, 1);
        Assert.Contains(Y.ReadUpdateInfo(Y.EncodeStateAsUpdate(gcDoc)).Structs, s => s.ContentRef == 1);
    }

    /// <summary>One v1 update: a single string struct of <paramref name="client"/> at <paramref name="clock"/> in root "t".</summary>
    private static byte[] OneStringStruct(long client, long clock)
    {
        using var w = new ParisCoDraft.Crdt.Encoding.Lib0Writer();
        w.WriteVarUint(1); // clients
        w.WriteVarUint(1); // structs of this client
        w.WriteVarUint((ulong)client);
        w.WriteVarUint((ulong)clock);
        w.WriteByte(4); // ContentString, no origins: the parent follows
        w.WriteVarUint(1); // parent is a root named…
        w.WriteVarString("t");
        w.WriteVarString("x");
        w.WriteVarUint(0); // empty delete set
        return w.ToArray();
    }

    [Fact]
    public void MergingUpdatesWhoseClockGapExceedsAStructLengthIsRejectedWithATypedException()
    {
        // yjs (doubles) would write a skip of 2^31+4 clocks; our structs' lengths are 32-bit: reject, typed.
        var first = OneStringStruct(7, 0);
        var far = OneStringStruct(7, (1L << 31) + 5);
        Assert.Equal("x", LoadText(Y.MergeUpdates([first])));
        Assert.Throws<UpdateDecodeException>(() => Y.MergeUpdates([first, far]));
    }

    private static string LoadText(byte[] update)
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        Y.ApplyUpdate(doc, update);
        return doc.GetText("t").ToString();
    }
}
