using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

internal sealed class ContentFormat(string key, object? value) : Content
{
    public readonly string Key = key;
    public readonly object? Value = value;

    public override int Length => 1;

    public override bool Countable => false;

    public override int Ref => 6;

    public override Content Splice(int offset) => throw new InvalidOperationException("Format content cannot be split.");

    public override void Integrate(Transaction tr, Item item)
    {
        var p = item.Parent!;
        p.SearchMarkers = null;
        p.HasFormatting = true;
    }

    public override void Write(Lib0Writer w, int offset)
    {
        w.WriteVarString(Key);
        w.WriteVarString(JsJson.Stringify(Value));
    }

    public override void AppendValues(List<object?> into) { }

    public override Content Copy() => new ContentFormat(Key, Value);
}
