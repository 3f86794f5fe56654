namespace ParisCoDraft.Web.Documents;

/// <summary>Log messages of the in-memory documents and the update log.</summary>
internal static partial class DocumentLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Appending {Count} updates to the store failed")]
    public static partial void AppendFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Loaded bill {BillId}: snapshot {SnapshotBytes} bytes + {Updates} updates up to #{Sequence} in {Milliseconds} ms")]
    public static partial void Loaded(ILogger logger, string billId, int snapshotBytes, int updates, long sequence, long milliseconds);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Compacted bill {BillId} up to #{Sequence}: snapshot {SnapshotBytes} bytes")]
    public static partial void Compacted(ILogger logger, string billId, long sequence, int snapshotBytes);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Compacting bill {BillId} failed")]
    public static partial void CompactionFailed(ILogger logger, Exception exception, string billId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Unloaded idle bill {BillId}")]
    public static partial void Unloaded(ILogger logger, string billId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Loading bill {BillId} failed")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string billId);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Stored the title of bill {BillId} ({Length} characters)")]
    public static partial void TitleStored(ILogger logger, string billId, int length);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Storing the title of bill {BillId} failed")]
    public static partial void TitleStoreFailed(ILogger logger, Exception exception, string billId);
}
