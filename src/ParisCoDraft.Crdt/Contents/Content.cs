using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>The payload of an <see cref="Item"/>. Ref numbers follow the v1 format (1 Deleted .. 9 Doc).</summary>
internal abstract class Content
{
    public abstract int Length { get; }

    public abstract bool Countable { get; }

    public abstract int Ref { get; }

    /// <summary>Keeps [0, offset) in this instance and returns the rest.</summary>
    public abstract Content Splice(int offset);

    public virtual bool MergeWith(Content right) => false;

    public virtual void Integrate(Transaction tr, Item item) { }

    public virtual void Delete(Transaction tr) { }

    public virtual void Gc(StructStore store) { }

    public abstract void Write(Lib0Writer w, int offset);

    public abstract void AppendValues(List<object?> into);

    public abstract Content Copy();
}
