using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// The bill hub (docs/protocol.md): y-protocols sync and awareness messages carried as byte[] arguments.
/// Every update is checked, appended durably, applied, broadcast, and only then acknowledged.
/// </summary>
public sealed partial class BillHub(
    IDraftingStore store,
    MemberResolver members,
    DocumentRooms rooms,
    UpdateCommitter committer,
    BillConnections connections,
    Deliberation.DeliberationService deliberation,
    IHubContext<BillHub> hubContext,
    IPresenceFanout presence,
    HubMetrics metrics,
    ILogger<BillHub> logger) : Hub
{
    /// <summary>Largest update accepted, once decoded from base64.</summary>
    public const int MaxUpdateBytes = 2 * 1024 * 1024;

    /// <summary>Largest hub message.</summary>
    public const long MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Most client ids one connection may announce.</summary>
    public const int MaxClientIds = 64;

    /// <summary>Joins a bill: proves membership by the bill's cookie and binds the client ids to the participant.</summary>
    public async Task<JoinResult> Join(string billId, long[]? clientIds)
    {
        var ct = Context.ConnectionAborted;
        if (!Tokens.IsWellFormed(billId)) throw HubErrors.Reject(HubErrors.UnknownBill, "There is no such bill.");
        clientIds ??= [];
        if (clientIds.Length > MaxClientIds) throw HubErrors.Reject(HubErrors.MessageMalformed, $"At most {MaxClientIds} client ids.");
        foreach (var id in clientIds)
        {
            if (id is < 0 or > (1L << 53) - 1) throw HubErrors.Reject(HubErrors.MessageMalformed, "Client ids are non-negative safe integers.");
        }

        var connection = connections.For(Context);
        if (connection.Bills.TryGetValue(billId, out var already) && already.Revoked)
        {
            throw HubErrors.Reject(HubErrors.Forbidden, "This session has been revoked.");
        }

        var http = Context.GetHttpContext() ?? throw HubErrors.Reject(HubErrors.Forbidden, "No session.");
        var member = await members.ResolveAsync(http.Request.Cookies, billId, ct).ConfigureAwait(false);
        if (member is null)
        {
            if (await store.GetBillAsync(billId, ct).ConfigureAwait(false) is null)
            {
                throw HubErrors.Reject(HubErrors.UnknownBill, "There is no such bill.");
            }
            throw HubErrors.Reject(HubErrors.Forbidden, "No live session for this bill: open an invite link first.");
        }

        var binding = await store.BindClientIdsAsync(billId, member.ParticipantId, clientIds, ct).ConfigureAwait(false);
        if (binding.Foreign.Count > 0)
        {
            HubLog.Rejected(logger, HubErrors.ForeignClient, member.ParticipantId, billId, $"client ids {string.Join(',', binding.Foreign)} at Join");
            throw HubErrors.Reject(HubErrors.ForeignClient,
                $"Client id {binding.Foreign[0]} belongs to someone else; use a new client id.");
        }

        if (already is null)
        {
            DocumentRoom room;
            try
            {
                room = await rooms.AcquireAsync(billId, ct).ConfigureAwait(false);
            }
            catch (UnknownBillException)
            {
                throw HubErrors.Reject(HubErrors.UnknownBill, "There is no such bill.");
            }
            var joined = new JoinedBill(member, room);
            if (!connection.Bills.TryAdd(billId, joined))
            {
                rooms.Release(room); // a concurrent Join on the same connection won
            }
            already = connection.Bills[billId];
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(billId), ct).ConfigureAwait(false);
        }
        already.AddClientIds(binding.Bound);
        HubLog.Joined(logger, Context.ConnectionId, billId, member.ParticipantId, member.Role.ToWire());

        await SendKnownAwarenessAsync(billId, already.Room).ConfigureAwait(false);
        presence.Joined(already.Room);
        return new JoinResult(member.ParticipantId, member.Participant.DisplayName, member.Role.ToWire(), member.Group,
            member.CanEdit, member.Color);
    }

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        metrics.Connected();
        return base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        var connection = connections.Remove(Context.ConnectionId);
        if (connection is not null)
        {
            foreach (var (billId, joined) in connection.Bills)
            {
                await BroadcastAwarenessRemovalAsync(billId, joined).ConfigureAwait(false);
                rooms.Release(joined.Room);
            }
        }
        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }

    internal static string GroupName(string billId) => "bill:" + billId;

    private JoinedBill RequireJoined(string billId)
    {
        var connection = connections.For(Context);
        if (billId is null || !connection.Bills.TryGetValue(billId, out var joined))
        {
            // The bill id is the caller's text: logged only when it is a well-formed id.
            HubLog.Rejected(logger, HubErrors.NotJoined, "connection " + Context.ConnectionId,
                billId is not null && Tokens.IsWellFormed(billId) ? billId : "(malformed id)", "not joined to this bill");
            throw HubErrors.Reject(HubErrors.NotJoined, "Call Join for this bill first.");
        }
        if (joined.Revoked) throw Rejected(HubErrors.Forbidden, "This session has been revoked.", joined, billId);
        return joined;
    }

    private static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
