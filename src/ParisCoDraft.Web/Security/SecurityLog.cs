namespace ParisCoDraft.Web.Security;

/// <summary>Log messages of the access and abuse controls: every refusal is logged once, with who and where.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Refused a cross-site {Method} {Path} (Origin '{Origin}', Sec-Fetch-Site '{FetchSite}')")]
    public static partial void CrossSiteRefused(ILogger logger, string method, string path, string origin, string fetchSite);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Refused a join of bill {BillId}: over the bill's join rate")]
    public static partial void BillJoinRateExceeded(ILogger logger, string billId);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Refused an expired invite {InviteId} of bill {BillId}")]
    public static partial void InviteExpired(ILogger logger, string inviteId, string billId);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Refused connection {ConnectionId} of {ParticipantId} on bill {BillId}: {Count} connections already")]
    public static partial void TooManyConnections(ILogger logger, string connectionId, string participantId, string billId, int count);

    [LoggerMessage(EventId = 604, Level = LogLevel.Warning, Message = "Connection {ConnectionId} went over its message budget ({Refused} calls refused so far)")]
    public static partial void OverBudget(ILogger logger, string connectionId, long refused);

    [LoggerMessage(EventId = 605, Level = LogLevel.Warning, Message = "Closed connection {ConnectionId}: {Refused} calls refused for its message budget")]
    public static partial void ClosedOverBudget(ILogger logger, string connectionId, long refused);
}
