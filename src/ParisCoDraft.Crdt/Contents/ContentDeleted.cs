using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

internal sealed class ContentDeleted(int length) : Content
{
    public int Len = length;

    public override int Length => Len;

    public override bool Countable => false;

    public override int Ref => 1;

    public override Content Splice(int offset)
    {
        var right = new ContentDeleted(Len - offset);
        Len = offset;
        return right;
    }

    public override bool MergeWith(Content right)
    {
        Len = checked(Len + ((ContentDeleted)right).Len);
        return true;
    }

    public override void Integrate(Transaction tr, Item item)
    {
        tr.DeleteSet.Add(item.Client, item.Clock, Len);
        item.MarkDeleted();
    }

    public override void Write(Lib0Writer w, int offset) => w.WriteVarUint((ulong)(Len - offset));

    public override void AppendValues(List<object?> into) { }

    public override Content Copy() => new ContentDeleted(Len);
}
