using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Runs the trace with yjs (a node child process) and with our core, both with the same protocol (one cold
/// run, then the median of N warm runs in the same process), and prints both with the ratios; then the first
/// load of the final update in a fresh process on each side (<see cref="LoadCommand"/>).
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
        result["firstLoad"] = FirstLoad(path, runs, ours.UpdateSha256);
        return result.ToJsonString();
    }

    /// <summary>
    /// The server-restart case: each side loads the trace's final update in a fresh process that has run none
    /// of its CRDT code before (load-bench.mjs, and this benchmark's <c>load</c> command). The update is made
    /// here, in the parent, and must be the one both replays produced.
    /// </summary>
    private static JsonObject FirstLoad(string path, int runs, string expectedSha256)
    {
        var trace = EditingTrace.Load(path);
        var doc = new ParisCoDraft.Crdt.Doc(new ParisCoDraft.Crdt.DocOptions { ClientId = 1, Gc = true });
        var text = doc.GetText(TraceCommand.RootName);
        if (trace.StartContent.Length > 0) text.Insert(0, trace.StartContent);
        TraceCommand.Replay(doc, text, trace.Patches);
        var update = ParisCoDraft.Crdt.Y.EncodeStateAsUpdate(doc);
        if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(update)) != expectedSha256)
        {
            throw new InvalidOperationException($"the update of {trace.Name} differs from the trace runs'");
        }
        var file = Path.Combine(Path.GetTempPath(), $"pariscodraft-{trace.Name}-{Environment.ProcessId}.update");
        File.WriteAllBytes(file, update);
        try
        {
            var yjs = RunChildJson(NodeLoadBench(file, runs), "load-bench.mjs");
            var ours = RunChildJson(SelfCommand("load", file, runs), "load");
            return new JsonObject
            {
                ["yjs"] = yjs,
                ["pariscodraft"] = ours,
                ["ratios"] = new JsonObject
                {
                    ["cold"] = Ratio(ours["coldLoadMs"]!.GetValue<double>(), yjs["coldLoadMs"]!.GetValue<double>()),
                    ["coldCpu"] = Ratio(ours["coldLoadCpuMs"]!.GetValue<double>(), yjs["coldLoadCpuMs"]!.GetValue<double>()),
                    ["warm"] = runs > 0 ? Ratio(ours["warmLoadMs"]!.GetValue<double>(), yjs["warmLoadMs"]!.GetValue<double>()) : null,
                },
            };
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static ProcessStartInfo NodeLoadBench(string file, int runs)
    {
        var psi = new ProcessStartInfo("node");
        psi.ArgumentList.Add("--expose-gc");
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "ParisCoDraft.Benchmarks", "load-bench.mjs"));
        psi.ArgumentList.Add(file);
        psi.ArgumentList.Add("--runs");
        psi.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        return psi;
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
    public static TraceFigures RunOurs(string path, int runs = TraceCommand.DefaultRuns) =>
        RunChild(SelfCommand("trace", Path.GetFullPath(path), runs), "trace");

    private static ProcessStartInfo SelfCommand(string command, string file, int runs)
    {
        var self = typeof(CompareCommand).Assembly.Location;
        var psi = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet");
        if (Path.GetFileNameWithoutExtension(psi.FileName) == "dotnet") psi.ArgumentList.Add(self);
        psi.ArgumentList.Add(command);
        psi.ArgumentList.Add(file);
        psi.ArgumentList.Add("--runs");
        psi.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        return psi;
    }

    private static TraceFigures RunChild(ProcessStartInfo psi, string what) => TraceFigures.Parse(RunChildLine(psi, what));

    private static JsonObject RunChildJson(ProcessStartInfo psi, string what) =>
        JsonNode.Parse(RunChildLine(psi, what)) as JsonObject ?? throw new InvalidOperationException($"{what} printed no JSON object");

    private static string RunChildLine(ProcessStartInfo psi, string what)
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
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}
