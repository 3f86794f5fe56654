using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

internal sealed class ContentBinary(byte[] bytes) : Content
{
    public readonly byte[] Bytes = bytes;

    public override int Length => 1;

    public override bool Countable => true;

    public override int Ref => 3;

    public override Content Splice(int offset) => throw new InvalidOperationException("Binary content cannot be split.");

    public override void Write(Lib0Writer w, int offset) => w.WriteVarUint8Array(Bytes);

    public override void AppendValues(List<object?> into) => into.Add(Bytes);

    public override Content Copy() => new ContentBinary(Bytes);
}
