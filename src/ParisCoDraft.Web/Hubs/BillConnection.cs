using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ParisCoDraft.Web.Hubs;

/// <summary>What the server keeps about one hub connection: the bills it joined.</summary>
public sealed class BillConnection(HubCallerContext context)
{
    /// <summary>The SignalR connection.</summary>
    public HubCallerContext Context { get; } = context;

    /// <summary>Joined bills by id.</summary>
    public ConcurrentDictionary<string, JoinedBill> Bills { get; } = new(StringComparer.Ordinal);
}
