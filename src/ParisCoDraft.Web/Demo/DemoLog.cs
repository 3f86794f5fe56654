namespace ParisCoDraft.Web.Demo;

/// <summary>Log messages of the demo seed.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Demo bill '{BillId}' seeded: {Url} — invite links follow (shown once; keep them)")]
    public static partial void Seeded(ILogger logger, string billId, string url);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "  demo invite, {Role,-13}: {Url}")]
    public static partial void Link(ILogger logger, string role, string url);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Demo bill '{BillId}' already exists; its invite links were printed when it was seeded (delete the database to seed again)")]
    public static partial void AlreadySeeded(ILogger logger, string billId);
}
