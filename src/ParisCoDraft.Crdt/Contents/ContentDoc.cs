using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A sub-document reference (ref 9). Kept as guid + options so it round-trips; not loaded.</summary>
internal sealed class ContentDoc(string guid, object? options) : Content
{
    public readonly string Guid = guid;
    public readonly object? Options = options;
    private Doc? _doc;

    public override int Length => 1;

    public override bool Countable => true;

    public override int Ref => 9;

    public override Content Splice(int offset) => throw new InvalidOperationException("Doc content cannot be split.");

    public override void Write(Lib0Writer w, int offset)
    {
        w.WriteVarString(Guid);
        w.WriteAny(Options);
    }

    public Doc GetDoc()
    {
        if (_doc is null)
        {
            bool gc = !(Options is IDictionary<string, object?> o && o.TryGetValue("gc", out var g) && g is false);
            _doc = new Doc(new DocOptions { Guid = Guid, Gc = gc });
        }
        return _doc;
    }

    public override void AppendValues(List<object?> into) => into.Add(GetDoc());

    public override Content Copy() => new ContentDoc(Guid, Options);
}
