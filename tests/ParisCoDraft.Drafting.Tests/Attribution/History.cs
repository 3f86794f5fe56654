using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Attribution;

/// <summary>
/// A constructed history: a server document (gc off) and replicas with their own client ids, each bound to
/// a group; every update a replica sends is applied to the server and its new deletions recorded with the
/// sender's group, as the hub does.
/// </summary>
internal sealed class History
{
    private readonly Dictionary<long, StakeholderGroup?> _writers = [];
    private readonly List<DeletionMark> _deletions = [];

    public Doc Server { get; } = new(new DocOptions { Gc = false, ClientId = 1 });

    public History(string title, params (string Heading, string Body)[] clauses)
    {
        BillDocument.Initialize(Server, title, "Préambule.", clauses.Select(c => new ClauseDraft(c.Heading, c.Body)));
        _writers[1] = null; // the facilitator who set the bill up
    }

    public AuthorshipRecords Records => new(_writers, _deletions);

    /// <summary>A replica writing under <paramref name="clientId"/> for <paramref name="group"/>, synced from the server.</summary>
    public Doc Replica(long clientId, StakeholderGroup? group)
    {
        _writers[clientId] = group;
        var doc = new Doc(new DocOptions { ClientId = clientId });
        Y.ApplyUpdate(doc, Y.EncodeStateAsUpdate(Server));
        return doc;
    }

    /// <summary>Sends what the server lacks of <paramref name="replica"/> (with its whole delete set, as a sync step 2 does).</summary>
    public void Send(Doc replica)
    {
        var update = Y.EncodeStateAsUpdate(replica, Y.EncodeStateVector(Server));
        foreach (var (client, clock, length) in NewDeletions.In(Server, Y.ReadUpdateInfo(update).DeleteSet))
        {
            _deletions.Add(new DeletionMark(client, clock, length, _writers.GetValueOrDefault(replica.ClientId)));
        }
        Y.ApplyUpdate(Server, update);
    }

    /// <summary>Brings <paramref name="replica"/> up to date with the server.</summary>
    public void Receive(Doc replica) => Y.ApplyUpdate(replica, Y.EncodeStateAsUpdate(Server, Y.EncodeStateVector(replica)));

    public byte[] TakeVersion() => ParisCoDraft.Drafting.Workshops.BillVersions.Take(Server).Snapshot;

    public static string ClauseIdAt(Doc doc, int number) => BillDocument.Read(doc).Clauses[number - 1].Id;

    public static YText Body(Doc doc, string clauseId) => (YText)BillDocument.ClauseMap(doc, clauseId).Get("body")!;
}
