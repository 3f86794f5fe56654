using System.Collections.Concurrent;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// One person typing into a text of their own (<c>k{n}</c> at the top of the doc), as the browser's provider
/// does: each keystroke is sent at once as an update, several may be in flight, and a keystroke counts as
/// acknowledged only when the server completed its <c>Sync</c> call without error. The text only grows at its
/// end, so what the store holds of it must be a prefix of <see cref="Typed"/> covering every acknowledged keystroke.
/// </summary>
public sealed class TypingClient(Browser browser, int index) : IAsyncDisposable
{
    private const int MaxInFlight = 8;
    private readonly ConcurrentDictionary<int, bool> _acked = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _allRefusals = new();
    private readonly System.Text.StringBuilder _typed = new();
    private Peer? _peer;
    private Crdt.Doc? _doc;

    /// <summary>The person's browser (cookies).</summary>
    public Browser Browser { get; } = browser;

    /// <summary>The name of the text this client types into.</summary>
    public string TextName { get; } = "k" + index;

    /// <summary>Everything typed so far, in order.</summary>
    public string Typed
    {
        get { lock (_typed) return _typed.ToString(); }
    }

    /// <summary>The replica's Yjs client id (keystroke i is its clock i).</summary>
    public long ClientId => _doc?.ClientId ?? throw new InvalidOperationException("Connect first.");

    /// <summary>Indexes of acknowledged keystrokes.</summary>
    public IReadOnlyCollection<int> Acknowledged => [.. _acked.Keys];

    /// <summary>Every refusal code seen so far, all connections.</summary>
    public IReadOnlyCollection<string> AllRefusals => [.. _allRefusals];

    /// <summary>The codes of the refusals the server answered on the current typing run (e.g. <c>store-unavailable</c>); a refusal without a known code is kept whole.</summary>
    public IReadOnlyCollection<string> Refusals => [.. _refusals];

    /// <summary>Connects (first time: a fresh replica; later: the same replica, as a tab after a reconnect) and syncs both ways.</summary>
    public async Task ConnectAsync(string billId)
    {
        if (_peer is not null) await _peer.DisposeAsync();
        _peer = _doc is null ? await Peer.JoinAsync(Browser, billId) : await Peer.RejoinAsync(Browser, _peer!);
        _doc = _peer.Doc;
        await _peer.SyncAmidUpdatesAsync().Bounded(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Types until <paramref name="stop"/> fires, the connection fails (the server died) or the server refuses a
    /// keystroke (then, as the browser's provider, it stops sending on this connection; <see cref="ConnectAsync"/>
    /// resyncs). Returns whether it stopped because of a refusal.
    /// </summary>
    public async Task<bool> TypeAsync(int seed, CancellationToken stop)
    {
        _refusals.Clear();
        var peer = _peer ?? throw new InvalidOperationException("Connect first.");
        var random = new Random(seed);
        var inFlight = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested && _refusals.IsEmpty)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count >= MaxInFlight)
                {
                    await Task.WhenAny(inFlight).Bounded(TimeSpan.FromSeconds(30));
                    continue;
                }
                var ch = (char)('a' + random.Next(26));
                int at;
                byte[] update;
                lock (_typed)
                {
                    at = _typed.Length;
                    update = peer.Edit(d => d.GetText(TextName).Insert(d.GetText(TextName).Length, ch.ToString()));
                    _typed.Append(ch);
                }
                var completion = await peer.Hub.SendInvocationAsync("Sync", peer.BillId, Wire.Sync(Wire.Update, update));
                inFlight.Add(completion.ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully && t.Result.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) _acked[at] = true;
                    else if (t.Exception?.InnerException is HubInvocationException refused) {
                        var code = refused.Message.Contains("HubException: ", StringComparison.Ordinal) ? refused.Code : refused.Message;
                        _refusals.Enqueue(code);
                        _allRefusals.Enqueue(code);
                    }
                }, TaskScheduler.Default));
                await Task.Delay(15 + random.Next(20), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or HubClosedException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The server went away mid-typing: what was acknowledged is recorded; the rest stays in the replica.
        }
        // Every keystroke sent is answered or failed (a dead connection fails them all) before the counts are read.
        await Task.WhenAll(inFlight).Bounded(TimeSpan.FromSeconds(30));
        return !_refusals.IsEmpty;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_peer is not null) await _peer.DisposeAsync();
    }
}
