namespace ParisCoDraft.Web.Hubs;

/// <summary>Log messages of the bill hub.</summary>
internal static partial class HubLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Refused a hub request from origin {Origin} (host {Host})")]
    public static partial void OriginRefused(ILogger logger, string origin, string host);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Connection {ConnectionId} joined bill {BillId} as {ParticipantId} ({Role})")]
    public static partial void Joined(ILogger logger, string connectionId, string billId, string participantId, string role);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Rejected {Code} from {ParticipantId} on bill {BillId}: {Detail}")]
    public static partial void Rejected(ILogger logger, string code, string participantId, string billId, string detail);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Closed connection {ConnectionId} of {ParticipantId} on bill {BillId}: session revoked")]
    public static partial void ConnectionRevoked(ILogger logger, string billId, string participantId, string connectionId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "Could not tell connection {ConnectionId} it was revoked")]
    public static partial void RevokeNoticeFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 207, Level = LogLevel.Error, Message = "Hub method {Method} failed on connection {ConnectionId}")]
    public static partial void MethodFailed(ILogger logger, Exception exception, string method, string connectionId);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "Stored update #{Sequence} ({Bytes} bytes) of bill {BillId} in {Milliseconds:0.0} ms")]
    public static partial void Stored(ILogger logger, long sequence, int bytes, string billId, double milliseconds);
}
