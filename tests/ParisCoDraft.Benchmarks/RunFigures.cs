using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Timings of one phase of a trace benchmark: the cold run (first replay in the process) or the median of
/// the warm runs, with the warm samples.
/// </summary>
public sealed record RunFigures(double ApplyMs, double EncodeMs, double LoadMs, long ManagedBytes)
{
    /// <summary>Process CPU time of the replay (all threads), less sensitive than wall time to other processes.</summary>
    public double ApplyCpuMs { get; init; }

    /// <summary>Process CPU time of the load.</summary>
    public double LoadCpuMs { get; init; }

    /// <summary>.NET only: bytes allocated by the replay (diagnostic; 0 for yjs).</summary>
    public long ApplyAllocatedBytes { get; init; }

    /// <summary>.NET only: gen0 collections during the replay (diagnostic).</summary>
    public int ApplyGcCount { get; init; }

    /// <summary>.NET only: GC pause time during the replay (diagnostic).</summary>
    public double ApplyGcPauseMs { get; init; }

    /// <summary>.NET only: methods the JIT compiled during the load (diagnostic: 0 when the load path is precompiled and warm).</summary>
    public long LoadJittedMethods { get; init; }

    /// <summary>.NET only: time the JIT spent compiling during the load, all threads (diagnostic).</summary>
    public double LoadJitMs { get; init; }

    /// <summary>Every warm apply time (empty for the cold run).</summary>
    public IReadOnlyList<double> ApplySamples { get; init; } = [];

    /// <summary>Every warm encode time (empty for the cold run).</summary>
    public IReadOnlyList<double> EncodeSamples { get; init; } = [];

    /// <summary>Every warm load time (empty for the cold run).</summary>
    public IReadOnlyList<double> LoadSamples { get; init; } = [];

    /// <summary>The median of several runs, with their samples.</summary>
    public static RunFigures Median(IReadOnlyList<RunFigures> runs) => new(
        MedianOf(runs.Select(r => r.ApplyMs)),
        MedianOf(runs.Select(r => r.EncodeMs)),
        MedianOf(runs.Select(r => r.LoadMs)),
        (long)Math.Round(MedianOf(runs.Select(r => (double)r.ManagedBytes))))
    {
        ApplyCpuMs = MedianOf(runs.Select(r => r.ApplyCpuMs)),
        LoadCpuMs = MedianOf(runs.Select(r => r.LoadCpuMs)),
        ApplyAllocatedBytes = (long)MedianOf(runs.Select(r => (double)r.ApplyAllocatedBytes)),
        ApplyGcCount = (int)MedianOf(runs.Select(r => (double)r.ApplyGcCount)),
        ApplyGcPauseMs = MedianOf(runs.Select(r => r.ApplyGcPauseMs)),
        LoadJittedMethods = (long)MedianOf(runs.Select(r => (double)r.LoadJittedMethods)),
        LoadJitMs = MedianOf(runs.Select(r => r.LoadJitMs)),
        ApplySamples = [.. runs.Select(r => Math.Round(r.ApplyMs, 1))],
        EncodeSamples = [.. runs.Select(r => Math.Round(r.EncodeMs, 2))],
        LoadSamples = [.. runs.Select(r => Math.Round(r.LoadMs, 2))],
    };

    /// <summary>The median (mean of the two middle values for an even count).</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        if (s.Length == 0) return double.NaN;
        int m = s.Length >> 1;
        return s.Length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /// <summary>As JSON (samples only when there are some).</summary>
    public JsonObject ToNode()
    {
        var o = new JsonObject
        {
            ["applyMs"] = Math.Round(ApplyMs, 1),
            ["encodeMs"] = Math.Round(EncodeMs, 2),
            ["loadMs"] = Math.Round(LoadMs, 2),
            ["managedBytes"] = ManagedBytes,
            ["applyCpuMs"] = Math.Round(ApplyCpuMs, 1),
            ["loadCpuMs"] = Math.Round(LoadCpuMs, 2),
        };
        if (ApplyAllocatedBytes > 0)
        {
            o["applyAllocatedBytes"] = ApplyAllocatedBytes;
            o["applyGcCount"] = ApplyGcCount;
            o["applyGcPauseMs"] = Math.Round(ApplyGcPauseMs, 1);
            o["loadJittedMethods"] = LoadJittedMethods;
            o["loadJitMs"] = Math.Round(LoadJitMs, 2);
        }
        if (ApplySamples.Count > 0)
        {
            o["applySamples"] = new JsonArray([.. ApplySamples.Select(x => (JsonNode)x)]);
            o["encodeSamples"] = new JsonArray([.. EncodeSamples.Select(x => (JsonNode)x)]);
            o["loadSamples"] = new JsonArray([.. LoadSamples.Select(x => (JsonNode)x)]);
        }
        return o;
    }

    /// <summary>Reads the shape written by <see cref="ToNode"/> (and by trace-bench.mjs).</summary>
    public static RunFigures Parse(JsonElement e)
    {
        static double[] Samples(JsonElement e, string name) =>
            e.TryGetProperty(name, out var a) ? [.. a.EnumerateArray().Select(x => x.GetDouble())] : [];
        return new RunFigures(
            e.GetProperty("applyMs").GetDouble(),
            e.GetProperty("encodeMs").GetDouble(),
            e.GetProperty("loadMs").GetDouble(),
            e.GetProperty("managedBytes").GetInt64())
        {
            ApplyCpuMs = e.TryGetProperty("applyCpuMs", out var ac) ? ac.GetDouble() : double.NaN,
            LoadCpuMs = e.TryGetProperty("loadCpuMs", out var lc) ? lc.GetDouble() : double.NaN,
            ApplyAllocatedBytes = e.TryGetProperty("applyAllocatedBytes", out var ab) ? ab.GetInt64() : 0,
            ApplyGcCount = e.TryGetProperty("applyGcCount", out var gc) ? gc.GetInt32() : 0,
            ApplyGcPauseMs = e.TryGetProperty("applyGcPauseMs", out var gp) ? gp.GetDouble() : 0,
            LoadJittedMethods = e.TryGetProperty("loadJittedMethods", out var jm) ? jm.GetInt64() : 0,
            LoadJitMs = e.TryGetProperty("loadJitMs", out var jt) ? jt.GetDouble() : 0,
            ApplySamples = Samples(e, "applySamples"),
            EncodeSamples = Samples(e, "encodeSamples"),
            LoadSamples = Samples(e, "loadSamples"),
        };
    }
}
