using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// Keeps each bill's stored title (<c>bills.title</c>: the bill's view, invite previews, exports' file names)
/// in step with the <c>title</c> text of its document, which participants edit live. Rooms report a changed
/// title from under their gate: that only records it. The writes happen off the update path, at most once per
/// <see cref="Window"/> for all bills changed meanwhile, each with the latest title: a burst of typing in the
/// title is one or a few writes. Before a room is unloaded and on shutdown, what is pending is written at once.
/// </summary>
public sealed class BillTitles(IDraftingStore store, ILogger logger) : IDisposable
{
    /// <summary>How long a changed title waits by default for more changes before it is written.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a changed title waits for more changes before it is written (tests lengthen it).</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _pending = [];
    // Drain and write under one semaphore: writes of a bill reach the store in the order of its changes.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private bool _scheduled;
    private long _writes;

    /// <summary>Titles written to the store so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>
    /// Records <paramref name="title"/> (already checked by <see cref="Api.InputRules.DocumentTitle"/>) as the
    /// bill's title to store. Never blocks nor throws: rooms call it under their gate.
    /// </summary>
    internal void Changed(string billId, string title)
    {
        lock (_gate)
        {
            _pending[billId] = title;
            if (_scheduled) return;
            _scheduled = true;
        }
        _ = Task.Run(WriteSoonAsync);
    }

    private async Task WriteSoonAsync()
    {
        await Task.Delay(Window).ConfigureAwait(false);
        // Cleared before draining: a change arriving from now on schedules the next write.
        lock (_gate) _scheduled = false;
        try
        {
            await FlushAsync(null).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The server stopped during the wait; its shutdown already wrote what was pending.
        }
    }

    /// <summary>
    /// Writes the pending title of <paramref name="billId"/> (a room about to be unloaded), or of every bill
    /// when null (shutdown), now. Failures are logged, never thrown: the next change, or the next load of the
    /// bill (<see cref="DocumentRooms"/> compares both titles then), writes it again.
    /// </summary>
    internal async Task FlushAsync(string? billId)
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            List<KeyValuePair<string, string>> batch;
            lock (_gate)
            {
                if (billId is null)
                {
                    batch = [.. _pending];
                    _pending.Clear();
                }
                else
                {
                    if (!_pending.Remove(billId, out var title)) return;
                    batch = [new(billId, title)];
                }
            }
            foreach (var (bill, title) in batch)
            {
                try
                {
                    if (await store.SetBillTitleAsync(bill, title, CancellationToken.None).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref _writes);
                        DocumentLog.TitleStored(logger, bill, title.Length);
                    }
                }
#pragma warning disable CA1031 // a failed write loses nothing for good (see above); the other bills still get theirs
                catch (Exception e)
#pragma warning restore CA1031
                {
                    DocumentLog.TitleStoreFailed(logger, e, bill);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writing.Dispose();
}
