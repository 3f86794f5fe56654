using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A nested shared type (ref 7).</summary>
internal sealed class ContentType(AbstractType type) : Content
{
    public readonly AbstractType Type = type;

    public override int Length => 1;

    public override bool Countable => true;

    public override int Ref => 7;

    public override Content Splice(int offset) => throw new InvalidOperationException("Type content cannot be split.");

    public override void Integrate(Transaction tr, Item item) => Type.IntegrateInto(tr.Doc, item);

    public override void Delete(Transaction tr)
    {
        var item = Type.Start;
        while (item is not null)
        {
            if (!item.IsDeleted) item.Delete(tr);
            else if (item.Clock < tr.BeforeStateOf(item.Client)) tr.MergeStructs.Add(item);
            item = item.Right;
        }
        foreach (var it in Type.MapItems.Values)
        {
            if (!it.IsDeleted) it.Delete(tr);
            else if (it.Clock < tr.BeforeStateOf(it.Client)) tr.MergeStructs.Add(it);
        }
        tr.RemoveChanged(Type);
    }

    public override void Gc(StructStore store)
    {
        var item = Type.Start;
        while (item is not null)
        {
            item.Gc(store, true);
            item = item.Right;
        }
        Type.Start = null;
        foreach (var it0 in Type.MapItems.Values)
        {
            Item? it = it0;
            while (it is not null)
            {
                it.Gc(store, true);
                it = it.Left;
            }
        }
        Type.MapItems = new Dictionary<string, Item>();
    }

    public override void Write(Lib0Writer w, int offset) => Type.WriteTypeRef(w);

    public override void AppendValues(List<object?> into) => into.Add(Type);

    public override Content Copy() => new ContentType(Type.CopyEmpty());
}
