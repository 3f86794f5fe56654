namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>MergeUpdates / DiffUpdate on yjs-produced inputs give yjs's bytes (Fixtures.MergeDiff.cs).</summary>
public sealed class FixtureMergeDiffTests
{
    public static TheoryData<string> MergeNames => new(Fixtures.Merges.Select(f => f.Name));

    public static TheoryData<string> DiffNames => new(Fixtures.Diffs.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(MergeNames))]
    public void MergesUpdatesIntoTheBytesYjsMerges(string name)
    {
        var f = Fixtures.Merges.Single(x => x.Name == name);
        var inputs = f.Node("updates").AsArray().Select(u => Convert.FromBase64String(u!.GetValue<string>())).ToList();
        FixtureBytes.AssertEqual(f.Bytes("merged"), Y.MergeUpdates(inputs), $"{name}: MergeUpdates");
        FixtureBytes.AssertEqual(f.Bytes("svFromUpdate"), Y.EncodeStateVectorFromUpdate(f.Bytes("merged")), $"{name}: EncodeStateVectorFromUpdate(merged)");
    }

    [Theory]
    [MemberData(nameof(MergeNames))]
    public void MergedUpdateLoadsToTheContentYjsLoads(string name)
    {
        var f = Fixtures.Merges.Single(x => x.Name == name);
        var doc = new Doc(new DocOptions { ClientId = 77 });
        Y.ApplyUpdate(doc, f.Bytes("merged"));
        CompatJson.AssertEqual(f.Node("content"), CompatContent.Of(doc, f.Roots), name);
    }

    [Theory]
    [MemberData(nameof(DiffNames))]
    public void DiffsAnUpdateAgainstAStateVectorLikeYjs(string name)
    {
        var f = Fixtures.Diffs.Single(x => x.Name == name);
        FixtureBytes.AssertEqual(f.Bytes("diff"), Y.DiffUpdate(f.Bytes("update"), f.Bytes("sv")), $"{name}: DiffUpdate");
    }
}
