namespace ParisCoDraft.Web.Demo;

/// <summary>Log messages of the demo seed.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Demo bill '{BillId}': {Url} — invite links follow, one per role")]
    public static partial void Seeded(ILogger logger, string billId, string url);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "  demo invite, {Role,-13}: {Url}")]
    public static partial void Link(ILogger logger, string role, string url);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Demo bill '{BillId}' already exists; issuing a fresh invite link per role (earlier links keep working)")]
    public static partial void AlreadySeeded(ILogger logger, string billId);
}
