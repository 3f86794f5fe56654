namespace ParisCoDraft.Crdt;

/// <summary>A fully decoded and validated v1 update: structs per client (in wire order) and the delete set.</summary>
/// <remarks>An array, not a <c>List</c> of pairs: that value-type instantiation would be jitted on a process's first load.</remarks>
internal sealed class DecodedUpdate(KeyValuePair<long, List<AbstractStruct>>[] clients, DeleteSet deleteSet)
{
    public readonly KeyValuePair<long, List<AbstractStruct>>[] Clients = clients;
    public readonly DeleteSet DeleteSet = deleteSet;

    public int StructCount
    {
        get
        {
            int n = 0;
            foreach (var c in Clients) n += c.Value.Count;
            return n;
        }
    }
}
