using System.Text;

namespace ParisCoDraft.Crdt;

/// <summary>Text inside an XML tree (type ref 6); formatting attributes render as nested tags.</summary>
public sealed class YXmlText : YText
{
    /// <summary>Creates a preliminary XML text.</summary>
    public YXmlText() { }

    /// <summary>Creates a preliminary XML text with content.</summary>
    public YXmlText(string initial) : base(initial) { }

    internal override int TypeRef => 6;

    internal override AbstractType CopyEmpty() => new YXmlText();

    /// <summary>XML serialisation as yjs: formats become nested elements sorted by name.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var op in ToDelta())
        {
            var nested = new List<(string Name, List<KeyValuePair<string, object?>> Attrs)>();
            if (op.Attributes is not null)
            {
                foreach (var (nodeName, v) in op.Attributes)
                {
                    var attrs = new List<KeyValuePair<string, object?>>();
                    if (v is IDictionary<string, object?> d) attrs.AddRange(d);
                    attrs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                    nested.Add((nodeName, attrs));
                }
            }
            nested.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var (name, attrs) in nested)
            {
                sb.Append('<').Append(name);
                foreach (var (k, v) in attrs) sb.Append(' ').Append(k).Append("=\"").Append(YXmlElement.AttrToString(v)).Append('"');
                sb.Append('>');
            }
            sb.Append(op.Insert is string s ? s : op.Insert?.ToString());
            for (int i = nested.Count - 1; i >= 0; i--) sb.Append("</").Append(nested[i].Name).Append('>');
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override object? ToJson() => ToString();
}
