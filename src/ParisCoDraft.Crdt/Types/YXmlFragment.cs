using System.Text;

namespace ParisCoDraft.Crdt;

/// <summary>An ordered list of XML nodes (type ref 4).</summary>
public class YXmlFragment : AbstractType
{
    /// <summary>Creates a preliminary fragment.</summary>
    public YXmlFragment() => SearchMarkers = new List<SearchMarker>();

    internal override int TypeRef => 4;

    internal override AbstractType CopyEmpty() => new YXmlFragment();

    /// <summary>Number of child nodes.</summary>
    public int Length => LengthCore;

    private List<object?>? _prelim;

    internal override void IntegrateInto(Doc doc, Item? item)
    {
        base.IntegrateInto(doc, item);
        var prelim = _prelim;
        _prelim = null;
        if (prelim is not null) doc.Transact(tr => ListInsertGenerics(tr, 0, prelim));
    }

    /// <summary>Inserts child nodes (YXmlElement / YXmlText / YXmlHook) at <paramref name="index"/>.</summary>
    public void Insert(int index, IEnumerable<AbstractType> nodes)
    {
        var list = nodes.Cast<object?>().ToList();
        if (DocRef is null) { (_prelim ??= new()).InsertRange(index, list); return; }
        DocRef.Transact(tr => ListInsertGenerics(tr, index, list));
    }

    /// <summary>Appends child nodes.</summary>
    public void Push(IEnumerable<AbstractType> nodes)
    {
        var list = nodes.Cast<object?>().ToList();
        if (DocRef is null) { (_prelim ??= new()).AddRange(list); return; }
        DocRef.Transact(tr => ListPushGenerics(tr, list));
    }

    /// <summary>Deletes child nodes.</summary>
    public void Delete(int index, int length = 1) => RequireDoc().Transact(tr => ListDelete(tr, index, length));

    /// <summary>The child at <paramref name="index"/>.</summary>
    public AbstractType? Get(int index) => ListGet(index) as AbstractType;

    /// <summary>All children.</summary>
    public IReadOnlyList<AbstractType> Children
    {
        get
        {
            var result = new List<AbstractType>();
            foreach (var v in ListToArray()) if (v is AbstractType t) result.Add(t);
            return result;
        }
    }

    /// <summary>Concatenated XML of the children.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var v in ListToArray()) sb.Append(v?.ToString());
        return sb.ToString();
    }

    /// <inheritdoc />
    public override object? ToJson() => ToString();
}
