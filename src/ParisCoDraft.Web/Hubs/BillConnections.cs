using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ParisCoDraft.Web.Hubs;

/// <summary>Every live hub connection of this process, so HTTP actions (revoking a link) can reach them.</summary>
public sealed class BillConnections(IHubContext<BillHub> hub, ILogger<BillConnections> logger)
{
    private readonly ConcurrentDictionary<string, BillConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>Live connections.</summary>
    public int Count => _connections.Count;

    /// <summary>The state of a connection, created on first use.</summary>
    public BillConnection For(HubCallerContext context) =>
        _connections.GetOrAdd(context.ConnectionId, static (_, c) => new BillConnection(c), context);

    /// <summary>Forgets a connection; returns its state if it had one.</summary>
    public BillConnection? Remove(string connectionId) => _connections.TryRemove(connectionId, out var c) ? c : null;

    /// <summary>Whether the participant has a live connection to the bill.</summary>
    public bool IsOnline(string billId, string participantId)
    {
        foreach (var c in _connections.Values)
        {
            if (c.Bills.TryGetValue(billId, out var joined) && !joined.Revoked && joined.Member.ParticipantId == participantId) return true;
        }
        return false;
    }

    /// <summary>
    /// Tells every connection of these participants in the bill that its session is revoked, then closes
    /// it. Returns the number of connections closed.
    /// </summary>
    public async Task<int> RevokeAsync(string billId, IReadOnlyCollection<string> participantIds, string reason)
    {
        if (participantIds.Count == 0) return 0;
        var closed = 0;
        foreach (var c in _connections.Values)
        {
            if (!c.Bills.TryGetValue(billId, out var joined) || !participantIds.Contains(joined.Member.ParticipantId)) continue;
            if (!joined.Revoke()) continue;
            closed++;
            try
            {
                await hub.Clients.Client(c.Context.ConnectionId).SendAsync("Revoked", reason).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the connection may already be gone; it is closed below either way
            catch (Exception e)
#pragma warning restore CA1031
            {
                HubLog.RevokeNoticeFailed(logger, e, c.Context.ConnectionId);
            }
            HubLog.ConnectionRevoked(logger, billId, joined.Member.ParticipantId, c.Context.ConnectionId);
            c.Context.Abort();
        }
        return closed;
    }
}
