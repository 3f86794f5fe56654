using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>
/// An <see cref="IdeaDisposition"/> as JSON, the form the store keeps and the API speaks:
/// <c>{"kind":"carried","clauseIds":[…]}</c>, <c>{"kind":"merged","ideaNumbers":[…]}</c>,
/// <c>{"kind":"already-done","note":…}</c>, <c>{"kind":"outside-powers","note":…}</c>,
/// <c>{"kind":"set-aside","reason":…}</c>.
/// </summary>
public static class DispositionJson
{
    /// <summary>The kinds, as on the wire.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["carried", "merged", "already-done", "outside-powers", "set-aside"];

    /// <summary>The JSON of <paramref name="disposition"/>.</summary>
    public static string Write(IdeaDisposition disposition)
    {
        var o = disposition switch
        {
            CarriedInClauses c => new JsonObject { ["kind"] = "carried", ["clauseIds"] = new JsonArray([.. c.ClauseIds.Select(id => (JsonNode?)id)]) },
            MergedWith m => new JsonObject { ["kind"] = "merged", ["ideaNumbers"] = new JsonArray([.. m.IdeaNumbers.Select(n => (JsonNode?)n)]) },
            AlreadyDoneByCity d => new JsonObject { ["kind"] = "already-done", ["note"] = d.Note },
            OutsideCityPowers o2 => new JsonObject { ["kind"] = "outside-powers", ["note"] = o2.Note },
            SetAside s => new JsonObject { ["kind"] = "set-aside", ["reason"] = s.Reason },
            _ => throw new ArgumentOutOfRangeException(nameof(disposition)),
        };
        return o.ToJsonString();
    }

    /// <summary>Reads a disposition; throws <see cref="ArgumentException"/> with a reason people can read.</summary>
    public static IdeaDisposition Read(string json)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("A disposition is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException("A disposition is a JSON object: " + e.Message, e);
        }
        return From(o["kind"]?.GetValueKind() == JsonValueKind.String ? o["kind"]!.GetValue<string>() : null,
            Strings(o["clauseIds"]), Numbers(o["ideaNumbers"]), Text(o["note"]), Text(o["reason"]));
    }

    /// <summary>Builds a disposition from its parts; throws <see cref="ArgumentException"/> when they do not make one.</summary>
    public static IdeaDisposition From(string? kind, IReadOnlyList<string>? clauseIds, IReadOnlyList<int>? ideaNumbers, string? note, string? reason) =>
        kind switch
        {
            "carried" => new CarriedInClauses(clauseIds ?? []),
            "merged" => new MergedWith(ideaNumbers ?? []),
            "already-done" => new AlreadyDoneByCity(Blank(note)),
            "outside-powers" => new OutsideCityPowers(Blank(note)),
            "set-aside" => new SetAside(reason ?? ""),
            _ => throw new ArgumentException($"Unknown disposition '{kind}': expected one of {string.Join(", ", Kinds)}."),
        };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Where(n => n?.GetValueKind() == JsonValueKind.String).Select(n => n!.GetValue<string>())] : null;

    private static List<int>? Numbers(JsonNode? node) =>
        node is JsonArray a ? [.. a.Where(n => n?.GetValueKind() == JsonValueKind.Number).Select(n => n!.GetValue<int>())] : null;
}
