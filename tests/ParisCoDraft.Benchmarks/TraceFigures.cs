using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>The figures of one trace replay; the same JSON shape as tools/yjs-reference/trace-bench.mjs.</summary>
public sealed record TraceFigures(
    string Impl,
    string Trace,
    int Ops,
    double ApplyMs,
    double EncodeMs,
    int UpdateBytes,
    string UpdateSha256,
    double LoadMs,
    long ManagedBytes)
{
    /// <summary>One JSON line, camelCase keys.</summary>
    public string ToJson() => ToNode().ToJsonString();

    /// <summary>The figures as a JSON object.</summary>
    public JsonObject ToNode() => new()
    {
        ["impl"] = Impl,
        ["trace"] = Trace,
        ["ops"] = Ops,
        ["applyMs"] = Math.Round(ApplyMs, 1),
        ["encodeMs"] = Math.Round(EncodeMs, 2),
        ["updateBytes"] = UpdateBytes,
        ["updateSha256"] = UpdateSha256,
        ["loadMs"] = Math.Round(LoadMs, 2),
        ["managedBytes"] = ManagedBytes,
    };

    /// <summary>Parses the JSON line printed by trace-bench.mjs.</summary>
    public static TraceFigures Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        return new TraceFigures(
            r.GetProperty("impl").GetString() ?? "",
            r.GetProperty("trace").GetString() ?? "",
            r.GetProperty("ops").GetInt32(),
            r.GetProperty("applyMs").GetDouble(),
            r.GetProperty("encodeMs").GetDouble(),
            r.GetProperty("updateBytes").GetInt32(),
            r.GetProperty("updateSha256").GetString() ?? "",
            r.GetProperty("loadMs").GetDouble(),
            r.GetProperty("managedBytes").GetInt64());
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Impl} {Trace}: apply {ApplyMs:F1} ms");
}
