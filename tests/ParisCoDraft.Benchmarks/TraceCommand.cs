using System.Diagnostics;
using System.Security.Cryptography;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Replays a trace like tools/yjs-reference/trace-bench.mjs: one doc with client id 1, each patch in its own
/// transaction (delete then insert), then EncodeStateAsUpdate (v1) and ApplyUpdate into a fresh doc.
/// </summary>
public static class TraceCommand
{
    /// <summary>Root text name used by the yjs script (it is part of the update bytes).</summary>
    public const string RootName = "text";

    /// <summary>Runs the replay and measures it.</summary>
    public static TraceFigures Run(string path)
    {
        var trace = EditingTrace.Load(path);

        var doc = new Doc(new DocOptions { ClientId = 1, Gc = true });
        var text = doc.GetText(RootName);
        if (trace.StartContent.Length > 0)
        {
            text.Insert(0, trace.StartContent);
        }

        var sw = Stopwatch.StartNew();
        Replay(doc, text, trace.Patches);
        var applyMs = sw.Elapsed.TotalMilliseconds;
        if (text.ToString() != trace.EndContent)
        {
            throw new InvalidOperationException($"replay of {trace.Name} does not reach endContent");
        }

        sw.Restart();
        var update = Y.EncodeStateAsUpdate(doc);
        var encodeMs = sw.Elapsed.TotalMilliseconds;

        // Retained memory of the loaded doc: everything else (trace, source doc, update) is still alive.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        var loaded = new Doc(new DocOptions { ClientId = 2, Gc = true });
        Y.ApplyUpdate(loaded, update);
        var loadMs = sw.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        if (loaded.GetText(RootName).ToString() != trace.EndContent)
        {
            throw new InvalidOperationException($"loaded doc of {trace.Name} differs from endContent");
        }
        GC.KeepAlive(doc);
        GC.KeepAlive(trace);

        return new TraceFigures(
            "pariscodraft",
            trace.Name,
            trace.Patches.Length,
            applyMs,
            encodeMs,
            update.Length,
            Convert.ToHexStringLower(SHA256.HashData(update)),
            loadMs,
            after - before);
    }

    /// <summary>Applies every patch in its own transaction.</summary>
    public static void Replay(Doc doc, YText text, TracePatch[] patches)
    {
        foreach (var p in patches)
        {
            doc.Transact(_ =>
            {
                if (p.DeleteCount > 0)
                {
                    text.Delete(p.Position, p.DeleteCount);
                }
                if (p.Inserted.Length > 0)
                {
                    text.Insert(p.Position, p.Inserted);
                }
            });
        }
    }
}
