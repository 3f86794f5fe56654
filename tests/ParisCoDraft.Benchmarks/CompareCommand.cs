using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>Runs the trace with yjs (a node child process) and with our core, and prints both with the ratios.</summary>
public static class CompareCommand
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Returns one JSON line: {"trace", "yjs", "pariscodraft", "ratios", "sameUpdate"}.</summary>
    public static string Run(string path)
    {
        var yjs = RunYjs(path);
        var ours = TraceCommand.Run(path);
        var ratios = new JsonObject
        {
            ["apply"] = Ratio(ours.ApplyMs, yjs.ApplyMs),
            ["encode"] = Ratio(ours.EncodeMs, yjs.EncodeMs),
            ["load"] = Ratio(ours.LoadMs, yjs.LoadMs),
            ["managedBytes"] = Ratio(ours.ManagedBytes, yjs.ManagedBytes),
        };
        var result = new JsonObject
        {
            ["trace"] = ours.Trace,
            ["yjs"] = yjs.ToNode(),
            ["pariscodraft"] = ours.ToNode(),
            ["ratios"] = ratios,
            ["sameUpdate"] = ours.UpdateSha256 == yjs.UpdateSha256 && ours.UpdateBytes == yjs.UpdateBytes,
        };
        return result.ToJsonString();
    }

    private static double Ratio(double ours, double theirs) => theirs == 0 ? double.NaN : Math.Round(ours / theirs, 3);

    /// <summary>Runs tools/yjs-reference/trace-bench.mjs with node from PATH.</summary>
    public static TraceFigures RunYjs(string path)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add("--expose-gc");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.YjsReference, "trace-bench.mjs"));
        psi.ArgumentList.Add(Path.GetFullPath(path));
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(NodeTimeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"trace-bench.mjs did not finish within {NodeTimeout}");
        }
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"trace-bench.mjs failed ({p.ExitCode}): {stderr.Result}");
        }
        var line = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return TraceFigures.Parse(line);
    }
}
