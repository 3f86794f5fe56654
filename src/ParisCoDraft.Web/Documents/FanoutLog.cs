namespace ParisCoDraft.Web.Documents;

/// <summary>Log messages of the cross-process fan-out.</summary>
internal static partial class FanoutLog
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Fan-out: listening for other processes' updates (this process is {Origin})")]
    public static partial void Listening(ILogger logger, string origin);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Fan-out: the listening connection failed; reconnecting, then re-reading every loaded bill")]
    public static partial void ListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 122, Level = LogLevel.Error, Message = "Fan-out: bringing bill {BillId} up to date failed")]
    public static partial void ApplyFailed(ILogger logger, Exception exception, string billId);

    [LoggerMessage(EventId = 123, Level = LogLevel.Debug, Message = "Fan-out: applied #{First}..#{Last} of bill {BillId} from {Origin}")]
    public static partial void Applied(ILogger logger, long first, long last, string billId, string origin);

    [LoggerMessage(EventId = 124, Level = LogLevel.Information, Message = "Fan-out: re-read {Rooms} loaded bills after a reconnection")]
    public static partial void Resynced(ILogger logger, int rooms);
}
