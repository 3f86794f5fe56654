using System.Diagnostics;
using System.Text.Json.Nodes;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// First load in a fresh process (a server that has just restarted): run 0 applies a v1 update to a fresh doc
/// before any other code of the core has run; <c>runs</c> warm loads follow, each after a full GC. The same
/// protocol as load-bench.mjs (yjs side); <see cref="CompareCommand"/> runs both, each in its own process.
/// </summary>
public static class LoadCommand
{
    /// <summary>Loads <paramref name="updatePath"/> cold once, then warm; returns one JSON object.</summary>
    public static JsonObject Run(string updatePath, int runs = TraceCommand.DefaultRuns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var update = File.ReadAllBytes(updatePath);
        // The assembly is loaded (node has imported yjs) but none of its code has run.
        _ = typeof(Doc).Assembly.GetName();
        var (coldMs, coldCpuMs, coldJitMs, coldJitted, length) = LoadOnce(update);
        var warmMs = new List<double>(runs);
        var warmCpuMs = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            var (ms, cpu, _, _, _) = LoadOnce(update);
            warmMs.Add(ms);
            warmCpuMs.Add(cpu);
        }
        return new JsonObject
        {
            ["impl"] = "pariscodraft",
            ["updateBytes"] = update.Length,
            ["textLength"] = length,
            ["runs"] = runs,
            ["coldLoadMs"] = Math.Round(coldMs, 2),
            ["coldLoadCpuMs"] = Math.Round(coldCpuMs, 2),
            ["coldJitMs"] = Math.Round(coldJitMs, 2),
            ["coldJittedMethods"] = coldJitted,
            ["warmLoadMs"] = runs > 0 ? Math.Round(RunFigures.MedianOf(warmMs), 2) : null,
            ["warmLoadCpuMs"] = runs > 0 ? Math.Round(RunFigures.MedianOf(warmCpuMs), 2) : null,
        };
    }

    private static (double Ms, double CpuMs, double JitMs, long Jitted, int Length) LoadOnce(byte[] update)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long jitted0 = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jit0 = System.Runtime.JitInfo.GetCompilationTime();
        var cpu0 = Environment.CpuUsage.TotalTime;
        var sw = Stopwatch.StartNew();
        var doc = new Doc();
        Y.ApplyUpdate(doc, update);
        double ms = sw.Elapsed.TotalMilliseconds;
        double cpuMs = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds;
        double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jit0).TotalMilliseconds;
        long jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted0;
        return (ms, cpuMs, jitMs, jitted, doc.GetText(TraceCommand.RootName).Length);
    }
}
