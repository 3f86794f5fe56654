namespace ParisCoDraft.Crdt;

public abstract partial class AbstractType
{
    internal List<object?> ListToArray(Snapshot snapshot)
    {
        var result = new List<object?>();
        for (var n = Start; n is not null; n = n.Right)
        {
            if (n.Countable && snapshot.IsVisible(n)) n.Content.AppendValues(result);
        }
        return result;
    }

    internal bool MapTryGet(string key, Snapshot snapshot, out object? value)
    {
        MapItems.TryGetValue(key, out var v);
        while (v is not null && (!snapshot.StateVectorDict.TryGetValue(v.Client, out var c) || v.Clock >= c)) v = v.Left;
        if (v is not null && snapshot.IsVisible(v))
        {
            value = LastValue(v);
            return true;
        }
        value = null;
        return false;
    }

    internal Dictionary<string, object?> MapGetAll(Snapshot snapshot)
    {
        var d = new Dictionary<string, object?>();
        foreach (var key in MapItems.Keys)
        {
            if (MapTryGet(key, snapshot, out var v)) d[key] = v;
        }
        return d;
    }
}
