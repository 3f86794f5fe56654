using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

internal sealed class ContentAny(List<object?> values) : Content
{
    public List<object?> Values = values;

    public override int Length => Values.Count;

    public override bool Countable => true;

    public override int Ref => 8;

    public override Content Splice(int offset)
    {
        var right = new ContentAny(Values.GetRange(offset, Values.Count - offset));
        Values.RemoveRange(offset, Values.Count - offset);
        return right;
    }

    public override bool MergeWith(Content right)
    {
        Values.AddRange(((ContentAny)right).Values);
        return true;
    }

    public override void Write(Lib0Writer w, int offset)
    {
        w.WriteVarUint((ulong)(Values.Count - offset));
        for (int i = offset; i < Values.Count; i++) w.WriteAny(Values[i]);
    }

    public override void AppendValues(List<object?> into) => into.AddRange(Values);

    public override Content Copy() => new ContentAny(new List<object?>(Values));
}
