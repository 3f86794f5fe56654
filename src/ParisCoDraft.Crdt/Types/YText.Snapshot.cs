using System.Text;

namespace ParisCoDraft.Crdt;

public partial class YText
{
    private static object? Get(IDictionary<string, object?> d, string key) => d.TryGetValue(key, out var v) ? v : null;

    /// <summary>The text as of <paramref name="snapshot"/> (the document must have gc disabled).</summary>
    public string ToString(Snapshot snapshot)
    {
        var sb = new StringBuilder();
        foreach (var op in ToDelta(snapshot, null))
        {
            if (op.Insert is string s) sb.Append(s);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The content as a delta as of <paramref name="snapshot"/>; with <paramref name="prevSnapshot"/>, content
    /// added/removed between them carries a "ychange" attribute (as yjs).
    /// </summary>
    public IReadOnlyList<DeltaOp> ToDelta(Snapshot? snapshot, Snapshot? prevSnapshot, Func<string, Id, object?>? computeYChange = null)
    {
        var ops = new List<DeltaOp>();
        var currentAttributes = new AttrMap();
        var str = new StringBuilder();
        Item? n = Start;
        void PackStr()
        {
            if (str.Length == 0) return;
            var op = DeltaOp.InsertOp(str.ToString());
            if (currentAttributes.Count > 0) op.Attributes = currentAttributes.ToDictionary();
            ops.Add(op);
            str.Clear();
        }
        void ComputeDelta()
        {
            while (n is not null)
            {
                if (Snapshot.IsVisible(n, snapshot) || (prevSnapshot is not null && Snapshot.IsVisible(n, prevSnapshot)))
                {
                    switch (n.Content)
                    {
                        case ContentString cs:
                            {
                                currentAttributes.TryGet("ychange", out var cur);
                                var curDict = cur as IDictionary<string, object?>;
                                if (snapshot is not null && !Snapshot.IsVisible(n, snapshot))
                                {
                                    if (curDict is null || !Equals(Get(curDict, "user"), n.Client) || !Equals(Get(curDict, "type"), "removed"))
                                    {
                                        PackStr();
                                        currentAttributes.Set("ychange", computeYChange is not null ? computeYChange("removed", n.Id) : new Dictionary<string, object?> { ["type"] = "removed" });
                                    }
                                }
                                else if (prevSnapshot is not null && !Snapshot.IsVisible(n, prevSnapshot))
                                {
                                    if (curDict is null || !Equals(Get(curDict, "user"), n.Client) || !Equals(Get(curDict, "type"), "added"))
                                    {
                                        PackStr();
                                        currentAttributes.Set("ychange", computeYChange is not null ? computeYChange("added", n.Id) : new Dictionary<string, object?> { ["type"] = "added" });
                                    }
                                }
                                else if (cur is not null || currentAttributes.Has("ychange"))
                                {
                                    PackStr();
                                    currentAttributes.Remove("ychange");
                                }
                                str.Append(cs.Span);
                                break;
                            }
                        case ContentType or ContentEmbed:
                            {
                                PackStr();
                                var op = DeltaOp.InsertOp(LastValue(n));
                                if (currentAttributes.Count > 0) op.Attributes = currentAttributes.ToDictionary();
                                ops.Add(op);
                                break;
                            }
                        case ContentFormat f:
                            if (Snapshot.IsVisible(n, snapshot))
                            {
                                PackStr();
                                UpdateCurrentAttributes(currentAttributes, f);
                            }
                            break;
                    }
                }
                n = n.Right;
            }
            PackStr();
        }
        if (snapshot is not null || prevSnapshot is not null)
        {
            RequireDoc().Transact(tr =>
            {
                snapshot?.SplitAffectedStructs(tr);
                prevSnapshot?.SplitAffectedStructs(tr);
                n = Start;
                ComputeDelta();
            }, "cleanup");
        }
        else ComputeDelta();
        return ops;
    }
}
