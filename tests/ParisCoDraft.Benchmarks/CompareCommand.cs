using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Runs the trace with yjs (a node child process) and with our core, both with the same protocol (one cold
/// run, then the median of N warm runs in the same process), and prints both with the ratios.
/// </summary>
public static class CompareCommand
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Returns one JSON line: {"trace", "runs", "yjs", "pariscodraft", "ratios" (warm medians, or cold when
    /// runs is 0), "coldRatios", "warmRatios", "sameUpdate"}. Ratios are ours / yjs.
    /// </summary>
    public static string Run(string path, int runs = TraceCommand.DefaultRuns)
    {
        var yjs = RunYjs(path, runs);
        // Our side also runs in a fresh process, so its cold run is as cold as node's (no JIT carried over
        // from an earlier trace of the same command).
        var ours = RunOurs(path, runs);
        var result = new JsonObject
        {
            ["trace"] = ours.Trace,
            ["runs"] = runs,
            ["yjs"] = yjs.ToNode(),
            ["pariscodraft"] = ours.ToNode(),
            ["ratios"] = Ratios(ours.ApplyMs, ours.EncodeMs, ours.LoadMs, ours.ManagedBytes, yjs.ApplyMs, yjs.EncodeMs, yjs.LoadMs, yjs.ManagedBytes),
        };
        if (ours.Cold is { } oc && yjs.Cold is { } yc)
        {
            result["coldRatios"] = Ratios(oc, yc);
        }
        if (ours.Warm is { } ow && yjs.Warm is { } yw)
        {
            result["warmRatios"] = Ratios(ow, yw);
        }
        result["sameUpdate"] = ours.UpdateSha256 == yjs.UpdateSha256 && ours.UpdateBytes == yjs.UpdateBytes;
        return result.ToJsonString();
    }

    private static JsonObject Ratios(RunFigures ours, RunFigures yjs)
    {
        var r = Ratios(ours.ApplyMs, ours.EncodeMs, ours.LoadMs, ours.ManagedBytes, yjs.ApplyMs, yjs.EncodeMs, yjs.LoadMs, yjs.ManagedBytes);
        r["applyCpu"] = Ratio(ours.ApplyCpuMs, yjs.ApplyCpuMs);
        r["loadCpu"] = Ratio(ours.LoadCpuMs, yjs.LoadCpuMs);
        return r;
    }

    private static JsonObject Ratios(double apply, double encode, double load, long bytes, double yApply, double yEncode, double yLoad, long yBytes) => new()
    {
        ["apply"] = Ratio(apply, yApply),
        ["encode"] = Ratio(encode, yEncode),
        ["load"] = Ratio(load, yLoad),
        ["managedBytes"] = Ratio(bytes, yBytes),
    };

    private static double Ratio(double ours, double theirs) => theirs == 0 ? double.NaN : Math.Round(ours / theirs, 3);

    /// <summary>Runs tools/yjs-reference/trace-bench.mjs with node from PATH.</summary>
    public static TraceFigures RunYjs(string path, int runs = TraceCommand.DefaultRuns)
    {
        var psi = new ProcessStartInfo("node");
        psi.ArgumentList.Add("--expose-gc");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.YjsReference, "trace-bench.mjs"));
        psi.ArgumentList.Add(Path.GetFullPath(path));
        psi.ArgumentList.Add("--runs");
        psi.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        return RunChild(psi, "trace-bench.mjs");
    }

    /// <summary>Runs this benchmark's <c>trace</c> command in a child process (same runtime, same build).</summary>
    public static TraceFigures RunOurs(string path, int runs = TraceCommand.DefaultRuns)
    {
        var self = typeof(CompareCommand).Assembly.Location;
        var psi = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
        if (Path.GetFileNameWithoutExtension(psi.FileName) == "dotnet") psi.ArgumentList.Add(self);
        psi.ArgumentList.Add("trace");
        psi.ArgumentList.Add(Path.GetFullPath(path));
        psi.ArgumentList.Add("--runs");
        psi.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        return RunChild(psi, "trace");
    }

    private static TraceFigures RunChild(ProcessStartInfo psi, string what)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = RepoPaths.Root;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {psi.FileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(ChildTimeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {ChildTimeout}");
        }
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({p.ExitCode}): {stderr.Result}");
        }
        var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return TraceFigures.Parse(line);
    }
}
