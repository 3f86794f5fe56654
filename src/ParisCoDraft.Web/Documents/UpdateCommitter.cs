using System.Threading.Channels;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// Group commit: one writer loop for the whole process takes every update waiting to be stored and writes
/// them in a single transaction (one fsync), then completes each caller's task with its sequence number.
/// Under load many updates share one fsync; alone, an update is written at once.
/// </summary>
public sealed class UpdateCommitter(IDraftingStore store, ILogger<UpdateCommitter> logger) : IHostedService, IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;
    private long _batches;
    private long _updates;
    private volatile bool _failing;

    private sealed record Pending(UpdateToAppend Update, TaskCompletionSource<long> Done, Versions.UpdateAuthor? Author);

    /// <summary>Transactions written so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>
    /// True while the last write failed (disk full, read-only file, database down) and none has succeeded
    /// since: <c>/healthz</c> reports the store unwritable.
    /// </summary>
    public bool Failing => _failing;

    /// <summary>Updates written so far.</summary>
    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>
    /// Queues an update; the task completes with its sequence number once it is durable (and, with an
    /// <paramref name="author"/>, once its deleters are recorded right after it: see Versions/).
    /// </summary>
    public Task<long> AppendAsync(string billId, byte[] data, Versions.UpdateAuthor? author = null)
    {
        // Continuations run on the writer loop, right after the commit: the caller applies its update under the room's
        // gate (nothing there awaits) and queues its relay without a hop through the thread pool per update. On two
        // busy cores that hop was most of the append's latency (docs/benchmarks-live.md); what awaits further (a
        // completion written to a slow reader) yields and the loop goes on to the next batch.
        var pending = new Pending(new UpdateToAppend(billId, data), new TaskCompletionSource<long>(), author);
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The update log is shut down.");
        return pending.Done.Task;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let the queue drain: everything already accepted gets written before the process ends.
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(64);
        var updates = new List<UpdateToAppend>(64);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            updates.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var p))
            {
                batch.Add(p);
                updates.Add(p.Update);
            }
            try
            {
                var sequences = await store.AppendUpdatesAsync(updates, CancellationToken.None).ConfigureAwait(false);
                _failing = false;
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _updates, batch.Count);
                await Versions.DeletionRecorder.RecordAsync(store, batch.Select(p => (p.Update.BillId, p.Author)).ToList(), sequences, logger).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(sequences[i]);
            }
#pragma warning disable CA1031 // every waiting caller must hear of the failure; the loop must survive it
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failing = true;
                DocumentLog.AppendFailed(logger, e, batch.Count);
                foreach (var p in batch) p.Done.TrySetException(e);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop.ConfigureAwait(false);
    }
}
