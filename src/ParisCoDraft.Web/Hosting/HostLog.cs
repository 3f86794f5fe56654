namespace ParisCoDraft.Web.Hosting;

/// <summary>Log messages of the host.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving the front end from {WebRoot}")]
    public static partial void WebRoot(ILogger logger, string webRoot);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Store: {Location}")]
    public static partial void Store(ILogger logger, string location);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "THROW-AWAY DATABASE: {Location} will not survive a restart (or lives in a temporary folder). Set ParisCoDraft:Database to a durable path for real use.")]
    public static partial void ThrowawayStore(ILogger logger, string location);
}
