using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over a raw WebSocket: negotiate, handshake,
/// invocations and completions, server-to-client calls queued per target.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonElement[]>> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private int _disposed;
    private Task? _receive;
    private Task? _ping;

    private HubClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Completes when the server closed the connection; the result is the close message's error, if any.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Negotiates and connects to <paramref name="hubPath"/> with the given cookies (and Origin).</summary>
    public static async Task<HubClient> ConnectAsync(Uri baseUri, CookieContainer cookies, string? origin = null, string hubPath = "hubs/bill")
    {
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = baseUri };
        using var negotiateRequest = new HttpRequestMessage(HttpMethod.Post, hubPath + "/negotiate?negotiateVersion=1");
        if (origin is not null) negotiateRequest.Headers.Add("Origin", origin);
        using var negotiate = await http.SendAsync(negotiateRequest).Bounded();
        if (!negotiate.IsSuccessStatusCode)
        {
            throw new HubConnectException(negotiate.StatusCode, await negotiate.Content.ReadAsStringAsync().Bounded());
        }
        var body = await negotiate.Content.ReadFromJsonAsync<JsonElement>().Bounded();
        var token = body.GetProperty("connectionToken").GetString()!;

        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        var wsUri = new UriBuilder(new Uri(baseUri, hubPath)) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        try
        {
            await socket.ConnectAsync(wsUri, CancellationToken.None).Bounded();
        }
        catch (WebSocketException e)
        {
            socket.Dispose();
            throw new HubConnectException(HttpStatusCode.Forbidden, e.Message);
        }
        var client = new HubClient(socket);
        await client.SendRawAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator).Bounded();
        var handshake = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        client._pending["handshake"] = handshake;
        client._receive = Task.Run(client.ReceiveLoopAsync);
        var answer = await handshake.Task.Bounded();
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("error", out var error))
        {
            throw new HubConnectException(HttpStatusCode.BadRequest, error.GetString() ?? "handshake failed");
        }
        client._ping = Task.Run(client.PingLoopAsync);
        return client;
    }

    /// <summary>Invokes a hub method and waits for its completion; a hub error becomes <see cref="HubInvocationException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments });
        await SendRawAsync(message + RecordSeparator).Bounded();
        return await done.Task.Bounded();
    }

    /// <summary>
    /// Sends an invocation and hands back its completion without waiting for it, so a test can cut the
    /// line after the server got the call but before the client read the acknowledgement.
    /// </summary>
    public async Task<Task<JsonElement>> SendInvocationAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments });
        await SendRawAsync(message + RecordSeparator).Bounded();
        return done.Task;
    }

    /// <summary>Cuts the connection at once, as a dropped network does: no close frame, nothing more read.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Invokes a hub method expecting a byte[] (or null) result.</summary>
    public async Task<byte[]?> InvokeBytesAsync(string target, params object?[] arguments)
    {
        var result = await InvokeAsync(target, arguments);
        return result.ValueKind == JsonValueKind.Null || result.ValueKind == JsonValueKind.Undefined ? null : result.GetBytesFromBase64();
    }

    /// <summary>The next call of <paramref name="target"/> from the server (its arguments), within the bound.</summary>
    public async Task<JsonElement[]> NextCallAsync(string target, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Within.Default);
        try
        {
            return await Queue(target).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{target}' call from the server in time.");
        }
    }

    /// <summary>A call of <paramref name="target"/> already received, if any, without waiting.</summary>
    public bool TryTakeCall(string target, out JsonElement[] arguments) => Queue(target).Reader.TryRead(out arguments!);

    private Channel<JsonElement[]> Queue(string target) => _calls.GetOrAdd(target, _ => Channel.CreateUnbounded<JsonElement[]>());

    private async Task SendRawAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                if (_socket.State != WebSocketState.Open) return;
                await SendRawAsync("{\"type\":6}" + RecordSeparator);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[buffer.Length];
        string? closeError = null;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var n = decoder.GetChars(buffer, 0, result.Count, chars, 0);
                text.Append(chars, 0, n);
                int sep;
                while ((sep = IndexOf(text, RecordSeparator)) >= 0)
                {
                    var frame = text.ToString(0, sep);
                    text.Remove(0, sep + 1);
                    var close = Dispatch(frame);
                    if (close.Closed)
                    {
                        closeError = close.Error;
                        goto done;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        done:
        foreach (var p in _pending.Values) p.TrySetException(new HubClosedException(closeError));
        foreach (var q in _calls.Values) q.Writer.TryComplete();
        _closed.TrySetResult(closeError);
    }

    private static int IndexOf(StringBuilder sb, char c)
    {
        for (var i = 0; i < sb.Length; i++) if (sb[i] == c) return i;
        return -1;
    }

    private (bool Closed, string? Error) Dispatch(string frame)
    {
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement.Clone();
        if (!root.TryGetProperty("type", out var type))
        {
            if (_pending.TryRemove("handshake", out var hs)) hs.TrySetResult(root);
            return (false, null);
        }
        switch (type.GetInt32())
        {
            case 1: // invocation from the server
                var target = root.GetProperty("target").GetString()!;
                var args = root.GetProperty("arguments").EnumerateArray().Select(a => a.Clone()).ToArray();
                Queue(target).Writer.TryWrite(args);
                break;
            case 3: // completion
                var id = root.GetProperty("invocationId").GetString()!;
                if (_pending.TryRemove(id, out var done))
                {
                    if (root.TryGetProperty("error", out var error)) done.TrySetException(new HubInvocationException(error.GetString() ?? ""));
                    else done.TrySetResult(root.TryGetProperty("result", out var r) ? r.Clone() : default);
                }
                break;
            case 7: // close
                return (true, root.TryGetProperty("error", out var e) ? e.GetString() : null);
        }
        return (false, null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).Bounded(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
            {
            }
        }
        await _stop.CancelAsync();
        if (_receive is not null) await _receive.Bounded(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_ping is not null) await _ping.Bounded(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}

/// <summary>The hub answered an invocation with an error.</summary>
public sealed class HubInvocationException(string message) : Exception(message)
{
    /// <summary>
    /// The rejection code: SignalR sends "An unexpected error occurred invoking 'X' on the server. HubException: code: text".
    /// </summary>
    public string Code
    {
        get
        {
            const string marker = "HubException: ";
            var at = Message.IndexOf(marker, StringComparison.Ordinal);
            var rest = at < 0 ? Message : Message[(at + marker.Length)..];
            return rest.Split(':', 2)[0].Trim();
        }
    }
}

/// <summary>The connection closed before an answer came.</summary>
public sealed class HubClosedException(string? error) : Exception("The hub connection closed" + (error is null ? "" : ": " + error));

/// <summary>Negotiation or the WebSocket upgrade was refused.</summary>
public sealed class HubConnectException(HttpStatusCode status, string body) : Exception($"Hub connection refused ({(int)status}): {body}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;
}
