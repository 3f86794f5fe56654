using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>An XML element with a node name, attributes and children (type ref 3).</summary>
public sealed class YXmlElement : YXmlFragment
{
    /// <summary>Creates a preliminary element.</summary>
    public YXmlElement(string nodeName = "UNDEFINED") => NodeName = nodeName;

    /// <summary>The node name.</summary>
    public string NodeName { get; }

    internal override int TypeRef => 3;

    internal override void WriteTypeRef(Lib0Writer w)
    {
        w.WriteVarUint(3);
        w.WriteVarString(NodeName);
    }

    internal override AbstractType CopyEmpty() => new YXmlElement(NodeName);

    private List<KeyValuePair<string, object?>>? _prelimAttrs;

    internal override void IntegrateInto(Doc doc, Item? item)
    {
        // yjs integrates children first, then the preliminary attributes.
        base.IntegrateInto(doc, item);
        var attrs = _prelimAttrs;
        _prelimAttrs = null;
        if (attrs is not null) foreach (var (k, v) in attrs) SetAttribute(k, v);
    }

    /// <summary>Sets an attribute.</summary>
    public void SetAttribute(string name, object? value)
    {
        if (DocRef is null)
        {
            _prelimAttrs ??= new();
            _prelimAttrs.RemoveAll(e => e.Key == name);
            _prelimAttrs.Add(new(name, value));
            return;
        }
        DocRef.Transact(tr => MapSet(tr, name, value));
    }

    /// <summary>Removes an attribute.</summary>
    public void RemoveAttribute(string name) => RequireDoc().Transact(tr => MapDelete(tr, name));

    /// <summary>Gets an attribute.</summary>
    public object? GetAttribute(string name) => MapGet(name);

    /// <summary>All attributes.</summary>
    public IReadOnlyDictionary<string, object?> GetAttributes()
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in MapItems) if (!v.IsDeleted) d[k] = LastValue(v);
        return d;
    }

    /// <summary>XML serialisation as yjs (attributes sorted by name).</summary>
    public override string ToString()
    {
        var attrs = GetAttributes();
        var keys = attrs.Keys.ToList();
        keys.Sort(StringComparer.Ordinal);
        var parts = keys.Select(k => k + "=\"" + AttrToString(attrs[k]) + "\"");
        string nodeName = NodeName.ToLowerInvariant();
        string attrStr = keys.Count > 0 ? " " + string.Join(' ', parts) : "";
        return $"<{nodeName}{attrStr}>{base.ToString()}</{nodeName}>";
    }

    internal static string AttrToString(object? v) => v switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IDictionary<string, object?> => "[object Object]",
        _ => JsJson.Stringify(v),
    };
}
