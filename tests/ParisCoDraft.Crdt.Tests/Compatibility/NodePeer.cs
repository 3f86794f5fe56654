using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// One long-lived `node tools/yjs-reference/peer.mjs` process hosting many yjs replicas. Commands go in
/// batches (one JSON line each way), every read bounded by a timeout. Shared by the tests of the
/// <see cref="NodePeerCollection"/>.
/// </summary>
public sealed class NodePeer : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _nextId;

    public NodePeer()
    {
        var psi = new ProcessStartInfo(CompatPaths.Node())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = CompatPaths.Root,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(Path.Combine(CompatPaths.YjsReference, "peer.mjs"));
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        var pong = Send([new JsonObject { ["op"] = "ping" }], TimeSpan.FromSeconds(30));
        if (pong[0]?["pong"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("yjs peer did not answer ping: " + pong.ToJsonString());
        }
    }

    /// <summary>Sends a batch of commands and returns their results (each an object, or {"error"}).</summary>
    public JsonArray Send(IReadOnlyList<JsonObject> commands, TimeSpan? timeout = null)
        => SendAsync(commands, timeout).GetAwaiter().GetResult();

    public async Task<JsonArray> SendAsync(IReadOnlyList<JsonObject> commands, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await _gate.WaitAsync(cts.Token).ConfigureAwait(false);
        try
        {
            var id = ++_nextId;
            var cmds = new JsonArray();
            foreach (var c in commands)
            {
                cmds.Add(c.DeepClone());
            }
            var request = new JsonObject { ["id"] = id, ["cmds"] = cmds };
            await _process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), cts.Token).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cts.Token).ConfigureAwait(false);
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"yjs peer did not answer batch {id} ({commands.Count} commands) within {timeout ?? DefaultTimeout}. stderr: {StdErr}");
            }
            if (line is null)
            {
                throw new InvalidOperationException("yjs peer exited. stderr: " + StdErr);
            }
            var response = JsonNode.Parse(line)!.AsObject();
            if (response["id"]?.GetValue<long>() != id)
            {
                throw new InvalidOperationException("yjs peer answered out of order: " + line[..Math.Min(line.Length, 500)]);
            }
            return response["results"]!.AsArray();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends one command and throws if yjs reported an error.</summary>
    public JsonObject Call(JsonObject command)
    {
        var r = Send([command])[0]!.AsObject();
        if (r["error"] is { } err)
        {
            throw new InvalidOperationException($"yjs peer {command["op"]} failed: {err}");
        }
        return r;
    }

    private string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        _gate.Dispose();
    }
}
