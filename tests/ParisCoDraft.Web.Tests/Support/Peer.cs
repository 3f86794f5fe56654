using System.Text.Json;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>A test-side replica: a real CRDT Doc connected to the hub as a browser tab would be.</summary>
public sealed class Peer : IAsyncDisposable
{
    private readonly Lock _gate = new();

    private Peer(HubClient hub, Doc doc, string billId, JsonElement joinResult)
    {
        Hub = hub;
        Doc = doc;
        BillId = billId;
        JoinResult = joinResult;
    }

    /// <summary>The connection.</summary>
    public HubClient Hub { get; }

    /// <summary>The replica.</summary>
    public Doc Doc { get; }

    /// <summary>The bill.</summary>
    public string BillId { get; }

    /// <summary>What Join answered.</summary>
    public JsonElement JoinResult { get; }

    /// <summary>Opens the hub with the browser's cookies and joins under the doc's client id.</summary>
    public static async Task<Peer> JoinAsync(Browser browser, string billId, long? clientId = null, long[]? announce = null)
    {
        var hub = await browser.OpenHubAsync();
        try
        {
            var doc = new Doc(new DocOptions { ClientId = clientId ?? Random.Shared.NextInt64(1, uint.MaxValue) });
            var result = await hub.InvokeAsync("Join", billId, announce ?? [doc.ClientId]);
            return new Peer(hub, doc, billId, result);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a new connection for the same replica (same doc, same client id), as a tab does after its
    /// network came back; the old connection is left as it is.
    /// </summary>
    public static async Task<Peer> RejoinAsync(Browser browser, Peer previous)
    {
        var hub = await browser.OpenHubAsync();
        try
        {
            var result = await hub.InvokeAsync("Join", previous.BillId, new[] { previous.Doc.ClientId });
            return new Peer(hub, previous.Doc, previous.BillId, result);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <see cref="SyncAsync"/> while others write: updates broadcast before the server's step 1 arrives
    /// are applied as they come.
    /// </summary>
    public async Task SyncAmidUpdatesAsync()
    {
        byte[] sv;
        lock (_gate) sv = Y.EncodeStateVector(Doc);
        var step2 = await Hub.InvokeBytesAsync("Sync", BillId, Wire.Sync(Wire.Step1, sv));
        Assert.NotNull(step2);
        Apply(step2);
        while (true)
        {
            var call = await Hub.NextCallAsync("Sync");
            var message = call[1].GetBytesFromBase64();
            var (type, payload) = Wire.ReadSync(message);
            if (type != Wire.Step1)
            {
                Apply(message);
                continue;
            }
            byte[] answer;
            lock (_gate) answer = Y.EncodeStateAsUpdate(Doc, payload);
            Assert.Null(await Hub.InvokeBytesAsync("Sync", BillId, Wire.Sync(Wire.Step2, answer)));
            return;
        }
    }

    /// <summary>Runs <paramref name="read"/> on the replica under its lock (it is shared with the receive loop).</summary>
    public T Read<T>(Func<Doc, T> read)
    {
        lock (_gate) return read(Doc);
    }

    /// <summary>The title text.</summary>
    public string Title
    {
        get { lock (_gate) return Doc.GetText("title").ToString(); }
    }

    /// <summary>Full two-way sync: our step 1 (apply the server's step 2), then answer the server's step 1.</summary>
    public async Task SyncAsync()
    {
        byte[] sv;
        lock (_gate) sv = Y.EncodeStateVector(Doc);
        var step2 = await Hub.InvokeBytesAsync("Sync", BillId, Wire.Sync(Wire.Step1, sv));
        Assert.NotNull(step2);
        Apply(step2);
        // Another connection's update relayed to the bill's group may reach us before the server's step 1 (the
        // relay runs after its sender's acknowledgement): apply it, as a client does, and wait on for the step 1.
        while (true)
        {
            var call = await Hub.NextCallAsync("Sync");
            var message = call[1].GetBytesFromBase64();
            var (type, payload) = Wire.ReadSync(message);
            if (type == Wire.Update)
            {
                Apply(message);
                continue;
            }
            Assert.Equal(Wire.Step1, type);
            byte[] answer;
            lock (_gate) answer = Y.EncodeStateAsUpdate(Doc, payload);
            Assert.Null(await Hub.InvokeBytesAsync("Sync", BillId, Wire.Sync(Wire.Step2, answer)));
            return;
        }
    }

    /// <summary>Applies a sync message from the server (step 2 or update).</summary>
    public void Apply(byte[] message)
    {
        var (type, payload) = Wire.ReadSync(message);
        Assert.NotEqual(Wire.Step1, type);
        lock (_gate) Y.ApplyUpdate(Doc, payload, "server");
    }

    /// <summary>Makes an edit locally and returns the update it produced (not sent).</summary>
    public byte[] Edit(Action<Doc> edit)
    {
        byte[]? update = null;
        void OnUpdate(object? sender, UpdateEventArgs e) => update = e.Update;
        lock (_gate)
        {
            Doc.Updated += OnUpdate;
            try
            {
                Doc.Transact(_ => edit(Doc));
            }
            finally
            {
                Doc.Updated -= OnUpdate;
            }
        }
        return update ?? throw new InvalidOperationException("The edit changed nothing.");
    }

    /// <summary>Sends an update; returns the hub's answer (null = durably stored).</summary>
    public Task<byte[]?> SendUpdateAsync(byte[] update) => Hub.InvokeBytesAsync("Sync", BillId, Wire.Sync(Wire.Update, update));

    /// <summary>Appends text to the title, sends it and waits for the acknowledgement.</summary>
    public async Task AppendToTitleAsync(string text)
    {
        var update = Edit(d => d.GetText("title").Insert(d.GetText("title").Length, text));
        Assert.Null(await SendUpdateAsync(update));
    }

    /// <summary>Applies the server's Sync calls as they come until <paramref name="done"/> holds.</summary>
    public async Task ReceiveUntilAsync(Func<Peer, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Within.Default);
        while (!done(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("The peer did not receive what was expected in time.");
            var call = await Hub.NextCallAsync("Sync", left);
            Apply(call[1].GetBytesFromBase64());
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
