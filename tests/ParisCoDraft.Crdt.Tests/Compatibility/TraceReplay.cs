using System.IO.Compression;
using System.Text.Json;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>An editing trace (/work/shared/traces/README.md) flattened to patches, replayed like trace-bench.mjs.</summary>
internal sealed class TraceReplay
{
    private readonly List<(int Pos, int Del, string Ins)> _patches;

    private TraceReplay(List<(int, int, string)> patches, string start, string end)
    {
        _patches = patches;
        StartContent = start;
        EndContent = end;
    }

    public string StartContent { get; }

    public string EndContent { get; }

    public static TraceReplay Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gz);
        var root = json.RootElement;
        var patches = new List<(int, int, string)>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            foreach (var p in txn.GetProperty("patches").EnumerateArray())
            {
                patches.Add((p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? ""));
            }
        }
        return new TraceReplay(patches, root.TryGetProperty("startContent", out var s) ? s.GetString() ?? "" : "",
            root.GetProperty("endContent").GetString() ?? "");
    }

    /// <summary>Each patch in its own transaction: delete, then insert.</summary>
    public void Apply(Doc doc, YText text)
    {
        if (StartContent.Length > 0) text.Insert(0, StartContent);
        foreach (var (pos, del, ins) in _patches)
        {
            doc.Transact(_ =>
            {
                if (del > 0) text.Delete(pos, del);
                if (ins.Length > 0) text.Insert(pos, ins);
            });
        }
    }
}
