using BenchmarkDotNet.Attributes;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// Decode/apply, encode and merge of a real document's update (a trace replayed once in setup).
/// Run: dotnet run -c Release --project tests/ParisCoDraft.Benchmarks -- --filter '*UpdateBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class UpdateBenchmarks
{
    private Doc _doc = null!;
    private byte[] _update = [];
    private byte[] _stateVector = [];
    private List<byte[]> _halves = [];

    /// <summary>Trace file name in ../shared/traces.</summary>
    [Params("sveltecomponent", "automerge-paper")]
    public string Trace { get; set; } = "sveltecomponent";

    /// <summary>Replays the trace and keeps its update.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var trace = EditingTrace.Load(Path.Combine(RepoPaths.Traces, Trace + ".json.gz"));
        _doc = new Doc(new DocOptions { ClientId = 1 });
        var text = _doc.GetText(TraceCommand.RootName);
        var half = trace.Patches.Length / 2;
        TraceCommand.Replay(_doc, text, trace.Patches[..half]);
        var sv = Y.EncodeStateVector(_doc);
        var first = Y.EncodeStateAsUpdate(_doc);
        TraceCommand.Replay(_doc, text, trace.Patches[half..]);
        _update = Y.EncodeStateAsUpdate(_doc);
        _stateVector = sv;
        _halves = [first, Y.EncodeStateAsUpdate(_doc, sv)];
    }

    /// <summary>Decode and integrate the full update into a fresh doc (the load path of the server).</summary>
    [Benchmark]
    public Doc ApplyToFreshDoc()
    {
        var d = new Doc(new DocOptions { ClientId = 2 });
        Y.ApplyUpdate(d, _update);
        return d;
    }

    /// <summary>Encode the full state.</summary>
    [Benchmark]
    public byte[] EncodeStateAsUpdate() => Y.EncodeStateAsUpdate(_doc);

    /// <summary>Encode the part after a state vector (what a reconnecting client gets).</summary>
    [Benchmark]
    public byte[] EncodeDiffAgainstStateVector() => Y.EncodeStateAsUpdate(_doc, _stateVector);

    /// <summary>Merge two updates without a doc (the compaction path of the store).</summary>
    [Benchmark]
    public byte[] MergeTwoHalves() => Y.MergeUpdates(_halves);

    /// <summary>State vector read straight from the update bytes.</summary>
    [Benchmark]
    public byte[] StateVectorFromUpdate() => Y.EncodeStateVectorFromUpdate(_update);
}
