using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

/// <summary>
/// The load generator's lean clients (tools/loadgen: SignalR's JSON protocol spoken directly, update headers
/// read with yjs, a few full replicas) against a real hub: what docs/benchmarks-live.md measures must be a
/// client the hub accepts, whose keystrokes all arrive and whose replicas converge, or the figures mean nothing.
/// </summary>
public sealed class LoadGeneratorTests : ServerTest
{
    [NodeFact]
    public async Task TheLoadGeneratorsLeanClientsTypeThroughTheHubWithNothingLostAndEveryoneConverged()
    {
        var script = Path.Combine(NodeJs.RepositoryRoot!, "tools", "loadgen", "loadgen.mjs");
        var (exit, stdout, stderr) = await NodeJs.RunAsync(script, TimeSpan.FromSeconds(90),
            "--url", Server.BaseUri.ToString(), "--clients", "6", "--typists", "3", "--rate", "5",
            "--duration", "2", "--warmup", "0", "--workers", "1", "--replicas", "2");

        var line = stdout.Trim().Split('\n')[^1];
        Assert.True(line.StartsWith('{'), $"loadgen exited {exit} with no result: {stderr}");
        var result = JsonDocument.Parse(line).RootElement;
        Assert.True(exit == 0, $"loadgen exited {exit}: {line} {stderr}");
        Assert.True(result.GetProperty("ok").GetBoolean(), line);
        Assert.Equal(6, result.GetProperty("connected").GetInt32());
        Assert.True(result.GetProperty("keystrokesSent").GetInt32() > 0, line);
        Assert.True(result.GetProperty("samples").GetInt32() > 0, line);
        Assert.Equal(result.GetProperty("expectedSamples").GetInt32(), result.GetProperty("samples").GetInt32());
        Assert.Equal(0, result.GetProperty("lost").GetInt32());
        Assert.Equal(0, result.GetProperty("rejected").GetInt32());
        Assert.True(result.GetProperty("converged").GetBoolean(), line);
        Assert.Equal(2, result.GetProperty("replicas").GetInt32());

        // The window's p99 per second (2 s of typing: keystrokes made in seconds 0 and 1): each second holds at most
        // 1 % of its samples above its p99, so the whole window's p99 is never above the worst second's.
        var bySecond = result.GetProperty("p99BySecond").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.InRange(bySecond.Count, 1, 2);
        Assert.All(bySecond, p => Assert.True(p > 0, line));
        Assert.True(result.GetProperty("p99").GetDouble() <= bySecond.Max(), line);
    }
}
