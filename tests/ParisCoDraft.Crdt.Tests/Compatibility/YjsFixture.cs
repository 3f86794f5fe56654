using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>A fixture produced by tools/yjs-reference/make-fixtures.mjs: a name and yjs's JSON record.</summary>
internal sealed class YjsFixture(string name, string json)
{
    private readonly Lazy<JsonObject> _data = new(() => JsonNode.Parse(json)!.AsObject());

    public string Name { get; } = name;

    public JsonObject Data => _data.Value;

    public byte[] Bytes(string field) => Convert.FromBase64String(Data[field]!.GetValue<string>());

    public JsonNode Node(string field) => Data[field] ?? throw new KeyNotFoundException($"{Name}: no field {field}");

    public string String(string field) => Data[field]!.GetValue<string>();

    public bool Has(string field) => Data[field] is not null;

    /// <summary>Root name to kind ("text", "array", "map", "xmlFragment").</summary>
    public IEnumerable<(string Name, string Kind)> Roots =>
        Data["roots"]!.AsObject().Select(kv => (kv.Key, kv.Value!.GetValue<string>()));

    public override string ToString() => Name;
}
