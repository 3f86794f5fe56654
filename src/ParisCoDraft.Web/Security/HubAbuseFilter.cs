using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// Gives every hub connection a message budget (<see cref="SecurityOptions.HubMessageBurst"/> calls at once,
/// <see cref="SecurityOptions.HubMessagesPerSecond"/> a second after that); once the connection has joined a
/// bill it spends the budget of that participant on that bill, shared with their other connections. A call over the budget is refused
/// with <c>rate-limited</c> before the hub decodes or stores anything; after
/// <see cref="SecurityOptions.HubRefusalsBeforeClose"/> refusals the connection is closed, so a flooder costs
/// the room a few refusals, not its latency. A person typing, however fast, stays far below the budget.
/// It also holds <c>Join</c> to the per-participant connection cap (<see cref="ConnectionCap"/>), refusing
/// with <c>too-many-connections</c>.
/// </summary>
public sealed class HubAbuseFilter(
    IOptions<SecurityOptions> options, ConnectionCap cap, MemberResolver members, ILogger<HubAbuseFilter> logger) : IHubFilter
{
    private static readonly object BudgetKey = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Bill, string Participant), MessageBudget> _participantBudgets = new();

    /// <inheritdoc />
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var o = options.Value;
        if (!context.Items.TryGetValue(BudgetKey, out var value) || value is not MessageBudget budget)
        {
            budget = new MessageBudget(o.HubMessageBurst, o.HubMessagesPerSecond);
            context.Items[BudgetKey] = budget;
        }
        if (budget.TryTake())
        {
            return invocationContext.HubMethodName == nameof(BillHub.Join) ? JoinWithinCapAsync(invocationContext, next) : next(invocationContext);
        }

        var refused = budget.Refused;
        if (refused == 1) SecurityLog.OverBudget(logger, context.ConnectionId, refused);
        if (refused >= o.HubRefusalsBeforeClose)
        {
            SecurityLog.ClosedOverBudget(logger, context.ConnectionId, refused);
            budget.ForgiveRefusals();
            context.Abort();
        }
        throw HubErrors.Reject(SecurityErrors.RateLimited,
            $"Over this connection's budget of {o.HubMessagesPerSecond} messages a second: slow down.");
    }

    /// <inheritdoc />
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception).ConfigureAwait(false);
        }
        finally
        {
            cap.ReleaseAll(context.Context.ConnectionId);
        }
    }

    private async ValueTask<object?> JoinWithinCapAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var http = context.GetHttpContext();
        // Who is joining is proven the same way the hub proves it; without a session the hub refuses on its own.
        if (http is null || invocationContext.HubMethodArguments.Count == 0 || invocationContext.HubMethodArguments[0] is not string billId ||
            !Tokens.IsWellFormed(billId) ||
            await members.ResolveAsync(http.Request.Cookies, billId, context.ConnectionAborted).ConfigureAwait(false) is not { } member)
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        if (!cap.TryReserve(context.ConnectionId, billId, member.ParticipantId, out var added, out var count))
        {
            SecurityLog.TooManyConnections(logger, context.ConnectionId, member.ParticipantId, billId, count);
            throw HubErrors.Reject(SecurityErrors.TooManyConnections,
                $"You already have {count} connections to this bill: close a tab or wait for old connections to end.");
        }
        object? result;
        try
        {
            result = await next(invocationContext).ConfigureAwait(false);
        }
        catch
        {
            if (added) cap.Release(context.ConnectionId, billId, member.ParticipantId);
            throw;
        }
        // From now on the connection spends the participant's budget on this bill, which outlives the
        // connection: closing a flooder's connection and opening another does not fill it up again.
        var o = options.Value;
        context.Items[BudgetKey] = _participantBudgets.GetOrAdd((billId, member.ParticipantId),
            static (_, opt) => new MessageBudget(opt.HubMessageBurst, opt.HubMessagesPerSecond), o);
        return result;
    }
}
