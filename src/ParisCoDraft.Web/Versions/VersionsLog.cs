namespace ParisCoDraft.Web.Versions;

/// <summary>Log messages of workshops, versions, diffs and exports.</summary>
internal static partial class VersionsLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Recording the deleters of {Count} updates failed; their deletions stay unattributed")]
    public static partial void DeletionsNotRecorded(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Version {Number} ({Kind}) of bill {BillId} taken by {ParticipantId}: {Sha256}")]
    public static partial void VersionTaken(ILogger logger, int number, string kind, string billId, string participantId, string sha256);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Compared versions {Older} and {Newer} of bill {BillId} in {Milliseconds} ms")]
    public static partial void Compared(ILogger logger, string older, string newer, string billId, long milliseconds);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Exported bill {BillId} version {Version} as {Format} ({Bytes} bytes) for {ParticipantId}")]
    public static partial void Exported(ILogger logger, string billId, string version, string format, int bytes, string participantId);
}
