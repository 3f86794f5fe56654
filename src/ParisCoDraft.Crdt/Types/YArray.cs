namespace ParisCoDraft.Crdt;

/// <summary>A shared list (type ref 0).</summary>
public sealed class YArray : AbstractType
{
    /// <summary>Creates a preliminary array (insert it into a document to use it).</summary>
    public YArray() => SearchMarkers = new List<SearchMarker>();

    /// <summary>Creates a preliminary array with initial content.</summary>
    public YArray(IEnumerable<object?> initial) : this()
    {
        var items = initial.ToList();
        Pending = [() => Insert(0, items)];
        _prelim = items;
    }

    private List<object?>? _prelim;

    internal override int TypeRef => 0;

    internal override AbstractType CopyEmpty() => new YArray();

    /// <summary>Number of elements.</summary>
    public int Length => DocRef is null ? _prelim?.Count ?? 0 : LengthCore;

    /// <summary>Inserts values at <paramref name="index"/>.</summary>
    public void Insert(int index, IEnumerable<object?> values)
    {
        var list = values as IReadOnlyCollection<object?> ?? values.ToList();
        if (DocRef is null)
        {
            _prelim ??= new List<object?>();
            _prelim.InsertRange(index, list);
            Pending = [() => Insert(0, _prelim)];
            return;
        }
        DocRef.Transact(tr => ListInsertGenerics(tr, index, list));
    }

    /// <summary>Appends values.</summary>
    public void Push(IEnumerable<object?> values)
    {
        var list = values as IReadOnlyCollection<object?> ?? values.ToList();
        if (DocRef is null)
        {
            Insert(Length, list);
            return;
        }
        DocRef.Transact(tr => ListPushGenerics(tr, list));
    }

    /// <summary>Appends one value.</summary>
    public void Push(object? value) => Push([value]);

    /// <summary>Prepends values.</summary>
    public void Unshift(IEnumerable<object?> values) => Insert(0, values);

    /// <summary>Deletes <paramref name="length"/> elements from <paramref name="index"/>.</summary>
    public void Delete(int index, int length = 1)
    {
        if (DocRef is null)
        {
            _prelim?.RemoveRange(index, length);
            return;
        }
        DocRef.Transact(tr => ListDelete(tr, index, length));
    }

    /// <summary>Element at <paramref name="index"/>.</summary>
    public object? Get(int index) => DocRef is null ? _prelim![index] : ListGet(index);

    /// <summary>All elements.</summary>
    public IReadOnlyList<object?> ToArray() => DocRef is null ? (_prelim ?? new List<object?>()) : ListToArray();

    /// <summary>The elements as of <paramref name="snapshot"/> (document with gc disabled).</summary>
    public IReadOnlyList<object?> ToArray(Snapshot snapshot) => ListToArray(snapshot);

    /// <inheritdoc />
    public override object? ToJson()
    {
        var arr = ToArray();
        var result = new List<object?>(arr.Count);
        foreach (var v in arr) result.Add(ValueToJson(v));
        return result;
    }
}
