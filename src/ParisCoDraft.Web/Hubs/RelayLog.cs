namespace ParisCoDraft.Web.Hubs;

/// <summary>Log messages of the relay of stored updates.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Could not relay {Count} stored update(s) of bill {BillId}")]
    public static partial void RelayFailed(ILogger logger, Exception exception, string billId, int count);
}
