using BenchmarkDotNet.Attributes;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Local editing: a whole trace replayed, one transaction per patch.
/// Run: dotnet run -c Release --project tests/ParisCoDraft.Benchmarks -- --filter '*TraceReplayBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class TraceReplayBenchmarks
{
    private EditingTrace _trace = null!;

    /// <summary>Trace file name in ../shared/traces.</summary>
    [Params("sveltecomponent", "rustcode")]
    public string Trace { get; set; } = "sveltecomponent";

    /// <summary>Loads the trace.</summary>
    [GlobalSetup]
    public void Setup() => _trace = EditingTrace.Load(Path.Combine(RepoPaths.Traces, Trace + ".json.gz"));

    /// <summary>Replays every patch.</summary>
    [Benchmark]
    public Doc Replay()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        TraceCommand.Replay(doc, doc.GetText(TraceCommand.RootName), _trace.Patches);
        return doc;
    }
}
