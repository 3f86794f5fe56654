using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A custom XML node backed by a map (type ref 5).</summary>
public sealed class YXmlHook : AbstractType
{
    /// <summary>Creates a preliminary hook.</summary>
    public YXmlHook(string hookName) => HookName = hookName;

    /// <summary>The hook name.</summary>
    public string HookName { get; }

    internal override int TypeRef => 5;

    internal override void WriteTypeRef(Lib0Writer w)
    {
        w.WriteVarUint(5);
        w.WriteVarString(HookName);
    }

    internal override AbstractType CopyEmpty() => new YXmlHook(HookName);

    /// <summary>Value of a key.</summary>
    public object? Get(string key) => MapGet(key);

    /// <summary>Sets a key.</summary>
    public void Set(string key, object? value) => RequireDoc().Transact(tr => MapSet(tr, key, value));

    /// <inheritdoc />
    public override object? ToJson()
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in MapItems) if (!v.IsDeleted) d[k] = ValueToJson(LastValue(v));
        return d;
    }
}
