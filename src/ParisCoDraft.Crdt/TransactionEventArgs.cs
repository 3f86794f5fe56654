namespace ParisCoDraft.Crdt;

/// <summary>Carries a finished <see cref="Crdt.Transaction"/>.</summary>
public sealed class TransactionEventArgs(Transaction transaction) : EventArgs
{
    /// <summary>The transaction.</summary>
    public Transaction Transaction { get; } = transaction;
}
