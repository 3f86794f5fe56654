namespace ParisCoDraft.Crdt;

/// <summary>The v1 update produced by one transaction.</summary>
public sealed class UpdateEventArgs(byte[] update, object? origin, Transaction transaction) : EventArgs
{
    /// <summary>The v1 update bytes (as yjs doc.on('update')).</summary>
    public byte[] Update { get; } = update;

    /// <summary>The transaction origin.</summary>
    public object? Origin { get; } = origin;

    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; } = transaction;
}
