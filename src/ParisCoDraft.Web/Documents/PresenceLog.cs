namespace ParisCoDraft.Web.Documents;

/// <summary>Log messages of presence shared across processes.</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Presence: sharing cursors with the other processes (this process is {Origin})")]
    public static partial void Sharing(ILogger logger, string origin);

    [LoggerMessage(EventId = 131, Level = LogLevel.Warning, Message = "Presence: the publishing connection failed; reconnecting (states in hand are dropped, clients renew theirs)")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning, Message = "Presence: the state of client {ClientId} in bill {BillId} is {Bytes} bytes, over what one NOTIFY carries; it stays on this process")]
    public static partial void StateTooLarge(ILogger logger, long clientId, string billId, int bytes);

    [LoggerMessage(EventId = 133, Level = LogLevel.Information, Message = "Presence: process {Origin} is gone ({Reason}); removed {States} of its states")]
    public static partial void OriginGone(ILogger logger, string origin, string reason, int states);

    [LoggerMessage(EventId = 134, Level = LogLevel.Error, Message = "Presence: handling a notice about bill {BillId} failed")]
    public static partial void HandleFailed(ILogger logger, Exception exception, string? billId);
}
