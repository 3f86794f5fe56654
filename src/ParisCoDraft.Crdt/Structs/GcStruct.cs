using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A garbage-collected range of clocks (struct ref 0).</summary>
public sealed class GcStruct : AbstractStruct
{
    internal GcStruct(long client, long clock, int length) : base(client, clock, length) { }

    /// <inheritdoc />
    public override bool Deleted => true;

    internal override bool MergeWith(AbstractStruct right)
    {
        if (right is not GcStruct) return false;
        Len = checked(Len + right.Len);
        return true;
    }

    internal override void Write(Lib0Writer w, int offset)
    {
        w.WriteByte(0);
        w.WriteVarUint((ulong)(Len - offset));
    }

    internal override void Integrate(Transaction tr, int offset)
    {
        if (offset > 0)
        {
            Clock += offset;
            Len -= offset;
        }
        tr.Doc.Store.AddStruct(this);
    }

    internal override long? GetMissing(Transaction tr, StructStore store) => null;
}
