using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// Real editing traces (../shared/traces) replayed in C#: EncodeStateAsUpdate gives yjs's bytes (same
/// sha256 as tools/yjs-reference/trace-bench.mjs) and the update loads back to the same text. CI runs the
/// two smaller traces; the benchmark (docs/benchmarks.md) covers automerge-paper.
/// </summary>
public sealed class DifferentialTraceTests(ITestOutputHelper output)
{
    public static TheoryData<string> CiTraces => new("sveltecomponent", "rustcode");

    [Theory]
    [MemberData(nameof(CiTraces))]
    public void ReplayedTraceEncodesToTheBytesYjsEncodes(string trace)
    {
        var file = Path.Combine(CompatPaths.Traces, trace + ".json.gz");
        if (!File.Exists(file))
        {
            // The traces live outside the repository; without them there is nothing to compare.
            output.WriteLine($"skipped: {file} is absent (the shared traces folder ../shared/traces is not here)");
            return;
        }
        var yjs = RunTraceBench(file);
        var replay = TraceReplay.Load(file);

        var doc = new Doc(new DocOptions { ClientId = 1, Gc = true });
        var text = doc.GetText("text");
        replay.Apply(doc, text);
        Assert.Equal(replay.EndContent, text.ToString());

        var update = Y.EncodeStateAsUpdate(doc);
        Assert.Equal(yjs["updateBytes"]!.GetValue<int>(), update.Length);
        Assert.Equal(yjs["updateSha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(update)));

        var loaded = new Doc(new DocOptions { ClientId = 2 });
        Y.ApplyUpdate(loaded, update);
        Assert.Equal(replay.EndContent, loaded.GetText("text").ToString());
    }

    private static JsonObject RunTraceBench(string file)
    {
        var psi = new ProcessStartInfo(CompatPaths.Node())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = CompatPaths.Root,
        };
        psi.ArgumentList.Add("--expose-gc");
        psi.ArgumentList.Add(Path.Combine(CompatPaths.YjsReference, "trace-bench.mjs"));
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("trace-bench.mjs did not finish within 90 s");
        }
        Assert.True(stdout.Wait(TimeSpan.FromSeconds(10)) && stderr.Wait(TimeSpan.FromSeconds(10)), "trace-bench.mjs output not drained");
        Assert.True(p.ExitCode == 0, $"trace-bench.mjs failed: {stderr.Result}");
        return JsonNode.Parse(stdout.Result.Trim().Split('\n')[^1])!.AsObject();
    }
}
