using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// The figures of one trace benchmark; the same JSON shape as tools/yjs-reference/trace-bench.mjs.
/// The top-level times are the warm medians when <see cref="Runs"/> &gt; 0, else the cold run's.
/// </summary>
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
    /// <summary>Number of warm runs after the cold one.</summary>
    public int Runs { get; init; }

    /// <summary>The first replay in the process.</summary>
    public RunFigures? Cold { get; init; }

    /// <summary>Medians (and samples) of the warm runs, when <see cref="Runs"/> &gt; 0.</summary>
    public RunFigures? Warm { get; init; }

    /// <summary>One JSON line, camelCase keys.</summary>
    public string ToJson() => ToNode().ToJsonString();

    /// <summary>The figures as a JSON object.</summary>
    public JsonObject ToNode()
    {
        var o = new JsonObject
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
            ["runs"] = Runs,
        };
        if (Cold is not null) o["cold"] = Cold.ToNode();
        if (Warm is not null) o["warm"] = Warm.ToNode();
        return o;
    }

    /// <summary>Parses the JSON line printed by trace-bench.mjs (or <see cref="ToJson"/>).</summary>
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
            r.GetProperty("managedBytes").GetInt64())
        {
            Runs = r.TryGetProperty("runs", out var n) ? n.GetInt32() : 0,
            Cold = r.TryGetProperty("cold", out var c) ? RunFigures.Parse(c) : null,
            Warm = r.TryGetProperty("warm", out var w) ? RunFigures.Parse(w) : null,
        };
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Impl} {Trace}: apply {ApplyMs:F1} ms");
}
