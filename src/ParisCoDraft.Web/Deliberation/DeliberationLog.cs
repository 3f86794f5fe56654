namespace ParisCoDraft.Web.Deliberation;

/// <summary>Log messages of the deliberation.</summary>
internal static partial class DeliberationLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Deliberation of bill {BillId} loaded in {Milliseconds} ms ({Comments} comments, {Stances} stances, {Locks} locks)")]
    public static partial void Loaded(ILogger logger, string billId, long milliseconds, int comments, int stances, int locks);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "{Action} on bill {BillId} by {ParticipantId}")]
    public static partial void Action(ILogger logger, string action, string billId, string participantId);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Adopted amendment {AmendmentId} of bill {BillId} as update #{Sequence} ({Bytes} bytes)")]
    public static partial void Adopted(ILogger logger, string amendmentId, string billId, long sequence, int bytes);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Could not send a deliberation event of bill {BillId}")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string billId);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Deliberation of bill {BillId} reloaded from the store (revision {From} to {To})")]
    public static partial void Reloaded(ILogger logger, string billId, long from, long to);

    [LoggerMessage(EventId = 405, Level = LogLevel.Error, Message = "Could not bring the deliberation of bill {BillId} up to date after another process changed it")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, string billId);
}
