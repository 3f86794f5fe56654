using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Workshops;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Versions;

/// <summary>
/// The bill documents as versions need them: a snapshot of the live document (taken under its gate, so it
/// holds exactly the durable updates applied so far), and private copies to read and compare versions on
/// (reading a snapshot splits items, which the live document must not suffer mid-edit).
/// </summary>
public sealed class VersionDocuments(DocumentRooms rooms, IDraftingStore store)
{
    /// <summary>The bill's state now: encoded snapshot and text SHA-256.</summary>
    public async Task<(byte[] Snapshot, string Sha256)> TakeAsync(string billId, CancellationToken ct)
    {
        var room = await rooms.AcquireAsync(billId, ct).ConfigureAwait(false);
        try
        {
            lock (room.Gate) return BillVersions.Take(room.Doc);
        }
        finally
        {
            rooms.Release(room);
        }
    }

    /// <summary>A private copy of the bill's document (gc off) with everything stored so far.</summary>
    public async Task<Doc> CopyAsync(string billId, CancellationToken ct)
    {
        var room = await rooms.AcquireAsync(billId, ct).ConfigureAwait(false);
        byte[] state;
        try
        {
            lock (room.Gate) state = Y.EncodeStateAsUpdate(room.Doc);
        }
        finally
        {
            rooms.Release(room);
        }
        var doc = new Doc(new DocOptions { Gc = false });
        Y.ApplyUpdate(doc, state, "versions");
        return doc;
    }

    /// <summary>
    /// Who each client id belongs to (name and role), and which clauses adopted amendments created: what a diff
    /// needs to name the authors of moves, withdrawals, added, split and merged clauses.
    /// </summary>
    public async Task<ClauseWriters> ClauseWritersAsync(string billId, CancellationToken ct)
    {
        var participants = await store.ListParticipantsAsync(billId, ct).ConfigureAwait(false);
        var byId = participants.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var clients = new Dictionary<long, ChangeWriter>();
        foreach (var b in await ((IVersionStore)store).ListClientBindingsAsync(billId, ct).ConfigureAwait(false))
        {
            var p = byId.GetValueOrDefault(b.ParticipantId);
            clients[b.ClientId] = new ChangeWriter(b.ParticipantId, p?.DisplayName, Roles.TryParse(p?.Role, out var r) ? r : null);
        }
        var adopted = new HashSet<string>(StringComparer.Ordinal);
        if (store is IDeliberationStore deliberation)
        {
            var records = await deliberation.LoadDeliberationAsync(billId, ct).ConfigureAwait(false);
            foreach (var a in records.Amendments)
            {
                if (a is { Status: "adopted", ClauseId: null, AdoptedClauseId: { } created }) adopted.Add(created);
            }
        }
        return new ClauseWriters(clients, adopted);
    }

    /// <summary>Who wrote and deleted what in the bill, as groups.</summary>
    public async Task<AuthorshipRecords> AuthorshipAsync(string billId, CancellationToken ct)
    {
        var versions = (IVersionStore)store;
        var participants = await store.ListParticipantsAsync(billId, ct).ConfigureAwait(false);
        var groupOf = participants.ToDictionary(p => p.Id, p => Roles.TryParse(p.Role, out var r) ? r.Group() : null, StringComparer.Ordinal);
        var writers = new Dictionary<long, StakeholderGroup?>();
        foreach (var b in await versions.ListClientBindingsAsync(billId, ct).ConfigureAwait(false))
        {
            writers[b.ClientId] = groupOf.GetValueOrDefault(b.ParticipantId);
        }
        var deletions = await versions.ListDeletionsAsync(billId, ct).ConfigureAwait(false);
        return new AuthorshipRecords(writers,
            deletions.Select(d => new DeletionMark(d.Client, d.Clock, d.Length, groupOf.GetValueOrDefault(d.ParticipantId))));
    }
}
