using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Legacy JSON content (ref 2): each element is a JSON string on the wire.</summary>
internal sealed class ContentJson(List<object?> values) : Content
{
    public List<object?> Values = values;

    public override int Length => Values.Count;

    public override bool Countable => true;

    public override int Ref => 2;

    public override Content Splice(int offset)
    {
        var right = new ContentJson(Values.GetRange(offset, Values.Count - offset));
        Values.RemoveRange(offset, Values.Count - offset);
        return right;
    }

    public override bool MergeWith(Content right)
    {
        Values.AddRange(((ContentJson)right).Values);
        return true;
    }

    public override void Write(Lib0Writer w, int offset)
    {
        w.WriteVarUint((ulong)(Values.Count - offset));
        for (int i = offset; i < Values.Count; i++)
        {
            var v = Values[i];
            w.WriteVarString(v is Lib0Undefined ? "undefined" : JsJson.Stringify(v));
        }
    }

    public override void AppendValues(List<object?> into) => into.AddRange(Values);

    public override Content Copy() => new ContentJson(new List<object?>(Values));
}
