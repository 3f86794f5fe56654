using System.IO.Compression;
using System.Text.Json;

namespace ParisCoDraft.Benchmarks;

/// <summary>One editing trace (format: /work/shared/traces/README.md), flattened to its patches.</summary>
public sealed class EditingTrace
{
    private EditingTrace(string name, string startContent, string endContent, TracePatch[] patches)
    {
        Name = name;
        StartContent = startContent;
        EndContent = endContent;
        Patches = patches;
    }

    /// <summary>File name without <c>.json.gz</c>.</summary>
    public string Name { get; }

    /// <summary>Text before the first patch.</summary>
    public string StartContent { get; }

    /// <summary>Text after the last patch.</summary>
    public string EndContent { get; }

    /// <summary>Every patch of every transaction, in order.</summary>
    public TracePatch[] Patches { get; }

    /// <summary>Reads a gzipped trace.</summary>
    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gz);
        var root = json.RootElement;
        var patches = new List<TracePatch>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            foreach (var p in txn.GetProperty("patches").EnumerateArray())
            {
                patches.Add(new TracePatch(p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? ""));
            }
        }
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json.gz", StringComparison.Ordinal))
        {
            name = name[..^".json.gz".Length];
        }
        return new EditingTrace(
            name,
            root.TryGetProperty("startContent", out var s) ? s.GetString() ?? "" : "",
            root.GetProperty("endContent").GetString() ?? "",
            [.. patches]);
    }
}
