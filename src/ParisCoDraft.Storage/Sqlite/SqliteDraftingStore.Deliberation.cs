namespace ParisCoDraft.Storage.Sqlite;

public sealed partial class SqliteDraftingStore : IDeliberationStore
{
    /// <inheritdoc />
    public Task<IAsyncDisposable> HoldDeliberationAsync(string billId, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(OneProcess.Instance);

    // SQLite serves one process: its per-bill mutex already serializes a bill's actions.
    private sealed class OneProcess : IAsyncDisposable
    {
        public static readonly OneProcess Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
