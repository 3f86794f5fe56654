namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Snapshots and relative positions made by yjs (Fixtures.Positions.cs).</summary>
public sealed class FixturePositionTests
{
    public static TheoryData<string> SnapshotNames => new(Fixtures.Snapshots.Select(f => f.Name));

    public static TheoryData<string> RelativePositionNames => new(Fixtures.RelativePositions.Select(f => f.Name));

    private static Doc Load(YjsFixture f, bool gc)
    {
        var doc = new Doc(new DocOptions { ClientId = 31, Gc = gc });
        Y.ApplyUpdate(doc, f.Bytes("update"));
        return doc;
    }

    [Theory]
    [MemberData(nameof(SnapshotNames))]
    public void DecodesAndReEncodesSnapshotsByteForByte(string name)
    {
        var f = Fixtures.Snapshots.Single(x => x.Name == name);
        FixtureBytes.AssertEqual(f.Bytes("reEncodedSnapshot"), Y.EncodeSnapshot(Y.DecodeSnapshot(f.Bytes("snapshot"))), $"{name}: EncodeSnapshot(DecodeSnapshot)");
    }

    [Theory]
    [MemberData(nameof(SnapshotNames))]
    public void SnapshotOfALoadedDocEqualsYjs(string name)
    {
        var f = Fixtures.Snapshots.Single(x => x.Name == name);
        FixtureBytes.AssertEqual(f.Bytes("snapshotOfLoadedDoc"), Y.EncodeSnapshot(Y.Snapshot(Load(f, gc: false))), $"{name}: EncodeSnapshot(Snapshot(doc))");
    }

    [Theory]
    [MemberData(nameof(SnapshotNames))]
    public void DocFromSnapshotShowsTheContentYjsShows(string name)
    {
        var f = Fixtures.Snapshots.Single(x => x.Name == name);
        var doc = Load(f, gc: false);
        var past = Y.CreateDocFromSnapshot(doc, Y.DecodeSnapshot(f.Bytes("snapshot")));
        CompatJson.AssertEqual(f.Node("contentAtSnapshot"), CompatContent.Of(past, f.Roots), $"{name} at the snapshot");
        CompatJson.AssertEqual(f.Node("contentNow"), CompatContent.Of(doc, f.Roots), $"{name} now");
    }

    private static AbstractType TypeAt(Doc doc, YjsFixture f)
    {
        var parts = f.String("typePath").Split('/');
        var kind = f.Roots.Single(r => r.Name == parts[0]).Kind;
        AbstractType t = CompatContent.Root(doc, parts[0], kind);
        foreach (var key in parts.Skip(1))
        {
            t = (AbstractType)((YMap)t).Get(key)!;
        }
        return t;
    }

    [Theory]
    [MemberData(nameof(RelativePositionNames))]
    public void DecodesAndReEncodesRelativePositionsByteForByte(string name)
    {
        var f = Fixtures.RelativePositions.Single(x => x.Name == name);
        var bytes = f.Bytes("relativePosition");
        FixtureBytes.AssertEqual(bytes, Y.EncodeRelativePosition(Y.DecodeRelativePosition(bytes)), $"{name}: EncodeRelativePosition(DecodeRelativePosition)");
    }

    [Theory]
    [MemberData(nameof(RelativePositionNames))]
    public void ResolvesRelativePositionsToTheIndexYjsResolves(string name)
    {
        var f = Fixtures.RelativePositions.Single(x => x.Name == name);
        var doc = Load(f, gc: true);
        var type = TypeAt(doc, f); // roots are typed before use, as in yjs (doc.getText replaces an untyped root)
        var abs = Y.CreateAbsolutePositionFromRelativePosition(Y.DecodeRelativePosition(f.Bytes("relativePosition")), doc);
        var expected = f.Data["absoluteIndexNow"];
        if (expected is null)
        {
            Assert.Null(abs);
            return;
        }
        Assert.NotNull(abs);
        Assert.Equal(expected.GetValue<int>(), abs.Index);
        Assert.Equal(f.Data["absoluteAssocNow"]!.GetValue<int>(), abs.Assoc);
        Assert.Same(type, abs.Type);
    }

    [Theory]
    [MemberData(nameof(RelativePositionNames))]
    public void CreatesTheRelativePositionBytesYjsCreates(string name)
    {
        var f = Fixtures.RelativePositions.Single(x => x.Name == name);
        var doc = Load(f, gc: true);
        var rpos = Y.CreateRelativePositionFromTypeIndex(TypeAt(doc, f), f.Data["index"]!.GetValue<int>(), f.Data["assoc"]!.GetValue<int>());
        FixtureBytes.AssertEqual(f.Bytes("relativePositionNow"), Y.EncodeRelativePosition(rpos), $"{name}: CreateRelativePositionFromTypeIndex");
    }
}
