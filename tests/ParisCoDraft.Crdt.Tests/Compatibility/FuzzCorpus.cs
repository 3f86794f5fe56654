namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Real updates to mutate: every yjs-produced update of the fixtures.</summary>
internal static class FuzzCorpus
{
    internal sealed record Entry(string Name, byte[] Update, (string Name, string Kind)[] Roots, bool Gc);

    private static readonly (string, string)[] DefaultRoots = [("text", "text"), ("array", "array"), ("map", "map")];

    public static IReadOnlyList<Entry> Updates()
    {
        var list = new List<Entry>();
        foreach (var f in Fixtures.Updates)
        {
            var roots = f.Roots.ToArray();
            var gc = f.Data["gc"]!.GetValue<bool>();
            list.Add(new Entry(f.Name, f.Bytes("update"), roots, gc));
            list.Add(new Entry(f.Name + ".reEncoded", f.Bytes("reEncoded"), roots, gc));
        }
        foreach (var f in Fixtures.Merges)
        {
            list.Add(new Entry(f.Name, f.Bytes("merged"), DefaultRoots, true));
        }
        foreach (var f in Fixtures.Diffs)
        {
            list.Add(new Entry(f.Name, f.Bytes("update"), DefaultRoots, true));
            list.Add(new Entry(f.Name + ".diff", f.Bytes("diff"), DefaultRoots, true));
        }
        foreach (var f in Fixtures.Snapshots.Concat(Fixtures.RelativePositions))
        {
            list.Add(new Entry(f.Name, f.Bytes("update"), f.Roots.ToArray(), false));
        }
        return list;
    }
}
