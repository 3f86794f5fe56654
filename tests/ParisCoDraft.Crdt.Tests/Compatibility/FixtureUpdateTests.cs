namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Updates produced by yjs (Fixtures.Updates.cs): decoded, re-encoded and read back like yjs does.</summary>
public sealed class FixtureUpdateTests
{
    private static readonly Dictionary<string, YjsFixture> ByName = Fixtures.Updates.ToDictionary(f => f.Name);

    public static TheoryData<string> Names => new(Fixtures.Updates.Select(f => f.Name));

    private static Doc Load(YjsFixture f, bool defineRootsFirst = false)
    {
        var doc = new Doc(new DocOptions { ClientId = 999_999, Gc = f.Data["gc"]!.GetValue<bool>() });
        if (defineRootsFirst)
        {
            foreach (var (name, kind) in f.Roots) CompatContent.Root(doc, name, kind);
        }
        Y.ApplyUpdate(doc, f.Bytes("update"));
        return doc;
    }

    private static void AssertBytes(byte[] expected, byte[] actual, string what)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail($"{what}\n expected (yjs): {Convert.ToBase64String(expected)}\n   actual (C#): {Convert.ToBase64String(actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReEncodesTheAppliedUpdateToTheBytesYjsWrites(string name)
    {
        var f = ByName[name];
        var doc = Load(f);
        AssertBytes(f.Bytes("reEncoded"), Y.EncodeStateAsUpdate(doc), $"{name}: EncodeStateAsUpdate after ApplyUpdate");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReachesTheStateVectorYjsReaches(string name)
    {
        var f = ByName[name];
        AssertBytes(f.Bytes("stateVector"), Y.EncodeStateVector(Load(f)), $"{name}: EncodeStateVector");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ShowsTheContentYjsShows(string name)
    {
        var f = ByName[name];
        CompatJson.AssertEqual(f.Node("content"), CompatContent.Of(Load(f), f.Roots), $"{name} (roots read after the update)");
        CompatJson.AssertEqual(f.Node("content"), CompatContent.Of(Load(f, defineRootsFirst: true), f.Roots), $"{name} (roots defined first)");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TextToStringMatchesYjs(string name)
    {
        var f = ByName[name];
        var doc = Load(f);
        foreach (var kv in f.Node("strings").AsObject())
        {
            Assert.Equal(kv.Value!.GetValue<string>(), doc.GetText(kv.Key).ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MergingTheSingleUpdateGivesYjsBytes(string name)
    {
        var f = ByName[name];
        AssertBytes(f.Bytes("merged"), Y.MergeUpdates([f.Bytes("update")]), $"{name}: MergeUpdates([update])");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadsTheStateVectorStraightFromTheUpdateLikeYjs(string name)
    {
        var f = ByName[name];
        AssertBytes(f.Bytes("svFromUpdate"), Y.EncodeStateVectorFromUpdate(f.Bytes("update")), $"{name}: EncodeStateVectorFromUpdate");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ApplyingTheUpdateTwiceChangesNothing(string name)
    {
        var f = ByName[name];
        var doc = Load(f);
        var once = Y.EncodeStateAsUpdate(doc);
        Y.ApplyUpdate(doc, f.Bytes("update"));
        AssertBytes(once, Y.EncodeStateAsUpdate(doc), $"{name}: second ApplyUpdate of the same bytes");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReEncodedStateLoadsIntoAFreshDocUnchanged(string name)
    {
        var f = ByName[name];
        var reEncoded = f.Bytes("reEncoded");
        var doc = new Doc(new DocOptions { ClientId = 5, Gc = f.Data["gc"]!.GetValue<bool>() });
        Y.ApplyUpdate(doc, reEncoded);
        AssertBytes(reEncoded, Y.EncodeStateAsUpdate(doc), $"{name}: load of yjs's re-encoded state");
    }
}
