using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A root created by a remote update before anyone asked for its concrete type (yjs AbstractType).</summary>
internal sealed class UnknownType : AbstractType
{
    internal override int TypeRef => throw new InvalidOperationException("Unknown types have no type ref.");

    internal override void WriteTypeRef(Lib0Writer w) => throw new InvalidOperationException("Unknown types cannot be nested.");

    internal override AbstractType CopyEmpty() => new UnknownType();

    public override object? ToJson() => null;
}
