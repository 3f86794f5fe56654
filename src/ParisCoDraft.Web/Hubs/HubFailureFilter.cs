using Microsoft.AspNetCore.SignalR;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// Logs a hub method's unexpected failure (anything but a refusal) at Error. SignalR's own dispatcher logs every
/// failed invocation at Error with its stack trace, refusals included, so a client sending bad messages would
/// write kilobytes of error log per message; that category is silenced (<see cref="DispatcherCategory"/>), a
/// refusal is logged once as a warning where it is decided (<see cref="HubLog.Rejected"/>), and a real fault
/// still reaches the log here.
/// </summary>
internal sealed class HubFailureFilter(ILogger<HubFailureFilter> logger) : IHubFilter
{
    /// <summary>The log category of SignalR's hub dispatcher.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            HubLog.MethodFailed(logger, e, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }
}
