using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A hole in an update (struct ref 10), produced by merging non-adjacent updates. Never stored in a document.</summary>
internal sealed class SkipStruct : AbstractStruct
{
    internal SkipStruct(long client, long clock, int length) : base(client, clock, length) { }

    public override bool Deleted => true;

    internal override bool MergeWith(AbstractStruct right)
    {
        if (right is not SkipStruct) return false;
        Len = checked(Len + right.Len);
        return true;
    }

    internal override void Write(Lib0Writer w, int offset)
    {
        w.WriteByte(10);
        w.WriteVarUint((ulong)(Len - offset));
    }

    internal override void Integrate(Transaction tr, int offset) => throw new InvalidOperationException("Skip structs are never integrated.");

    internal override long? GetMissing(Transaction tr, StructStore store) => null;
}
