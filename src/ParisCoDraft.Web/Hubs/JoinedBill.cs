using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Hubs;

/// <summary>A bill one connection has joined: who it is there, the client ids it writes under, its room.</summary>
public sealed class JoinedBill(Member member, DocumentRoom room)
{
    // Read on every update, written at Join only: readers take the current set without a lock, a writer
    // replaces it with a copy.
    private volatile HashSet<long> _clientIds = [];
    private readonly Lock _write = new();

    /// <summary>The member, as proven at Join.</summary>
    public Member Member { get; } = member;

    /// <summary>The bill's in-memory document.</summary>
    public DocumentRoom Room { get; } = room;

    /// <summary>Set when the member's session was revoked; every later call is refused.</summary>
    public bool Revoked => Volatile.Read(ref _revoked) == 1;

    private int _revoked;

    /// <summary>Marks the membership revoked; true the first time.</summary>
    public bool Revoke() => Interlocked.Exchange(ref _revoked, 1) == 0;

    /// <summary>Adds client ids bound to this participant.</summary>
    public void AddClientIds(IEnumerable<long> ids)
    {
        lock (_write)
        {
            var next = new HashSet<long>(_clientIds);
            next.UnionWith(ids);
            _clientIds = next;
        }
    }

    /// <summary>Whether the connection announced (and was bound) this client id.</summary>
    public bool HasClientId(long id)
    {
        return _clientIds.Contains(id);
    }

    /// <summary>The announced client ids.</summary>
    public long[] ClientIds()
    {
        return [.. _clientIds];
    }
}
