namespace ParisCoDraft.Crdt;

/// <summary>A fully decoded and validated v1 update: structs per client (in wire order) and the delete set.</summary>
internal sealed class DecodedUpdate(List<KeyValuePair<long, List<AbstractStruct>>> clients, DeleteSet deleteSet)
{
    public readonly List<KeyValuePair<long, List<AbstractStruct>>> Clients = clients;
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
