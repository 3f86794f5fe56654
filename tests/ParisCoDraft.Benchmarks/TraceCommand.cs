using System.Diagnostics;
using System.Security.Cryptography;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Replays a trace like tools/yjs-reference/trace-bench.mjs: one doc with client id 1, each patch in its own
/// transaction (delete then insert), then EncodeStateAsUpdate (v1) and ApplyUpdate into a fresh doc.
/// Run 0 is cold (first replay in the process); <c>runs</c> warm replays follow, each after a full GC, and
/// the top-level figures are their medians (the same protocol as the node script).
/// </summary>
public static class TraceCommand
{
    /// <summary>Root text name used by the yjs script (it is part of the update bytes).</summary>
    public const string RootName = "text";

    /// <summary>Default number of warm runs of the <c>trace</c> and <c>compare</c> commands.</summary>
    public const int DefaultRuns = 5;

    /// <summary>Runs the replay once cold and <paramref name="runs"/> times warm, and measures it.</summary>
    public static TraceFigures Run(string path, int runs = DefaultRuns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var trace = EditingTrace.Load(path);
        var (cold, update) = RunOnce(trace);
        var warm = new List<RunFigures>(runs);
        for (int i = 0; i < runs; i++)
        {
            var (w, u) = RunOnce(trace);
            if (!u.AsSpan().SequenceEqual(update))
            {
                throw new InvalidOperationException($"warm run {i} of {trace.Name} produced different update bytes");
            }
            warm.Add(w);
        }
        var warmMedian = runs > 0 ? RunFigures.Median(warm) : null;
        var top = warmMedian ?? cold;
        return new TraceFigures(
            "pariscodraft",
            trace.Name,
            trace.Patches.Length,
            top.ApplyMs,
            top.EncodeMs,
            update.Length,
            Convert.ToHexStringLower(SHA256.HashData(update)),
            top.LoadMs,
            top.ManagedBytes)
        {
            Runs = runs,
            Cold = cold,
            Warm = warmMedian,
        };
    }

    private static (RunFigures Figures, byte[] Update) RunOnce(EditingTrace trace)
    {
        FullCollect();
        var doc = new Doc(new DocOptions { ClientId = 1, Gc = true });
        var text = doc.GetText(RootName);
        if (trace.StartContent.Length > 0)
        {
            text.Insert(0, trace.StartContent);
        }

        long allocBefore = GC.GetAllocatedBytesForCurrentThread();
        int gen0Before = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var cpu0 = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        Replay(doc, text, trace.Patches);
        var applyMs = sw.Elapsed.TotalMilliseconds;
        var applyCpuMs = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds;
        var applyAlloc = GC.GetAllocatedBytesForCurrentThread() - allocBefore;
        var applyGcs = GC.CollectionCount(0) - gen0Before;
        var applyPauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        if (text.ToString() != trace.EndContent)
        {
            throw new InvalidOperationException($"replay of {trace.Name} does not reach endContent");
        }

        sw.Restart();
        var update = Y.EncodeStateAsUpdate(doc);
        var encodeMs = sw.Elapsed.TotalMilliseconds;

        // Retained memory of the loaded doc: everything else (trace, source doc, update) is still alive.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long jitMethods0 = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jit0 = System.Runtime.JitInfo.GetCompilationTime();
        cpu0 = Environment.CpuUsage.TotalTime;
        sw.Restart();
        var loaded = new Doc(new DocOptions { ClientId = 2, Gc = true });
        Y.ApplyUpdate(loaded, update);
        var loadMs = sw.Elapsed.TotalMilliseconds;
        var loadCpuMs = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds;
        var loadJitMs = (System.Runtime.JitInfo.GetCompilationTime() - jit0).TotalMilliseconds;
        long loadJitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods0;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        if (loaded.GetText(RootName).ToString() != trace.EndContent)
        {
            throw new InvalidOperationException($"loaded doc of {trace.Name} differs from endContent");
        }
        GC.KeepAlive(doc);
        return (new RunFigures(applyMs, encodeMs, loadMs, after - before)
        {
            ApplyCpuMs = applyCpuMs,
            LoadCpuMs = loadCpuMs,
            ApplyAllocatedBytes = applyAlloc,
            ApplyGcCount = applyGcs,
            ApplyGcPauseMs = applyPauseMs,
            LoadJittedMethods = loadJitted,
            LoadJitMs = loadJitMs,
        }, update);
    }

    private static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
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
