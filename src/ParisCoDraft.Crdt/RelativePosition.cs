using System.Text.Json.Nodes;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>
/// A position that survives concurrent edits: the id of the element to its right (<see cref="Item"/>) or,
/// at the end / in an empty type, the type itself (root name <see cref="TName"/> or the type's item id).
/// <see cref="Assoc"/> &gt;= 0 associates with the right element, &lt; 0 with the left.
/// </summary>
public sealed record RelativePosition(Id? Type, string? TName, Id? Item, int Assoc = 0)
{
    /// <summary>The JSON form used by yjs relativePositionToJSON ({type?, tname?, item?, assoc}).</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        if (Type is { } t) o["type"] = new JsonObject { ["client"] = t.Client, ["clock"] = t.Clock };
        if (!string.IsNullOrEmpty(TName)) o["tname"] = TName;
        if (Item is { } i) o["item"] = new JsonObject { ["client"] = i.Client, ["clock"] = i.Clock };
        o["assoc"] = Assoc;
        return o;
    }

    /// <summary>Reads the yjs JSON form. Throws <see cref="UpdateDecodeException"/> when malformed.</summary>
    public static RelativePosition FromJson(JsonNode json)
    {
        try
        {
            static Id? ReadId(JsonNode? n) => n is null ? null : new Id(n["client"]!.GetValue<long>(), n["clock"]!.GetValue<long>());
            var o = json.AsObject();
            return new RelativePosition(ReadId(o["type"]), o["tname"]?.GetValue<string>(), ReadId(o["item"]), o["assoc"]?.GetValue<int>() ?? 0);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw new UpdateDecodeException("Invalid relative position JSON.", e);
        }
    }
}
