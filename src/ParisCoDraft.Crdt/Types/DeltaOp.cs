namespace ParisCoDraft.Crdt;

/// <summary>One operation of a delta (Quill style): insert, retain or delete, with optional attributes.</summary>
public sealed class DeltaOp
{
    /// <summary>Inserted content: a string for text, an embed object, a shared type, or a list of values for arrays.</summary>
    public object? Insert { get; set; }

    /// <summary>Number of retained units.</summary>
    public int? Retain { get; set; }

    /// <summary>Number of deleted units.</summary>
    public int? Delete { get; set; }

    /// <summary>Formatting attributes (text only).</summary>
    public IDictionary<string, object?>? Attributes { get; set; }

    /// <summary>Creates an insert op.</summary>
    public static DeltaOp InsertOp(object? insert, IDictionary<string, object?>? attributes = null) => new() { Insert = insert, Attributes = attributes };

    /// <summary>Creates a retain op.</summary>
    public static DeltaOp RetainOp(int n, IDictionary<string, object?>? attributes = null) => new() { Retain = n, Attributes = attributes };

    /// <summary>Creates a delete op.</summary>
    public static DeltaOp DeleteOp(int n) => new() { Delete = n };

    /// <inheritdoc />
    public override string ToString()
    {
        string a = Attributes is null ? "" : ", attributes: " + Encoding.JsJson.Stringify(Attributes);
        if (Insert is not null) return "{ insert: " + (Insert is string s ? Encoding.JsJson.Stringify(s) : Insert is AbstractType ? Insert.GetType().Name : Encoding.JsJson.Stringify(Insert)) + a + " }";
        if (Retain is not null) return "{ retain: " + Retain + a + " }";
        return "{ delete: " + Delete + " }";
    }
}
