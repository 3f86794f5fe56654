using ParisCoDraft.Crdt;

namespace ParisCoDraft.Drafting.Attribution;

/// <summary>
/// Every item ever written under one map key, by map: a map keeps only its latest entry at hand, but who set
/// a clause's <c>state</c> as of an older snapshot needs the older entries too (gc off keeps them).
/// </summary>
internal static class MapEntries
{
    public static Dictionary<AbstractType, List<Item>> Index(Doc doc, string key)
    {
        var index = new Dictionary<AbstractType, List<Item>>(ReferenceEqualityComparer.Instance);
        foreach (var (client, state) in doc.StateVector)
        {
            long clock = 0;
            while (clock < state)
            {
                var s = doc.FindStruct(new Id(client, clock));
                if (s is null || s.Length <= 0) break;
                if (s is Item { ParentSub: { } sub, ParentType: { } parent } item && sub == key)
                {
                    if (!index.TryGetValue(parent, out var list))
                    {
                        list = [];
                        index[parent] = list;
                    }
                    list.Add(item);
                }
                clock = s.Id.Clock + s.Length;
            }
        }
        return index;
    }
}
