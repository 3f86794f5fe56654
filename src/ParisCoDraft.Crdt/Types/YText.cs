using System.Runtime.CompilerServices;
using System.Text;

namespace ParisCoDraft.Crdt;

/// <summary>Shared rich text (type ref 2). Indexes and lengths are UTF-16 code units, as in Yjs.</summary>
public partial class YText : AbstractType
{
    /// <summary>Creates a preliminary text.</summary>
    public YText() => SearchMarkers = new List<SearchMarker>();

    /// <summary>Creates a preliminary text with initial content.</summary>
    public YText(string initial) : this()
    {
        Pending = [() => Insert(0, initial)];
    }

    internal override int TypeRef => 2;

    internal override AbstractType CopyEmpty() => new YText();

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => LengthCore;

    internal override YEvent CreateEvent(Transaction tr, HashSet<string?> subs)
    {
        return new YTextEvent(this, tr, subs);
    }

    internal override void OnChanged(Transaction tr)
    {
        base.OnChanged(tr);
        if (!tr.Local && HasFormatting) tr.NeedFormattingCleanup = true;
    }

    /// <summary>The plain text (embeds and nested types are skipped).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(LengthCore);
        for (var n = Start; n is not null; n = n.Right)
        {
            if (!n.IsDeleted && n.Countable && n.Content is ContentString cs) cs.AppendTo(sb);
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override object? ToJson() => ToString();

    private void RunOrQueue(Action action)
    {
        if (DocRef is null) (Pending ??= new List<Action>()).Add(action);
        else action();
    }

    /// <summary>Inserts text at <paramref name="index"/>; without attributes it takes the formatting at that position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(int index, string text, IDictionary<string, object?>? attributes = null)
    {
        if (text.Length == 0) return;
        if (DocRef is null)
        {
            (Pending ??= new List<Action>()).Add(() => Insert(index, text, attributes));
            return;
        }
        var doc = DocRef;
        var current = doc.CurrentTransaction;
        if (current is not null)
        {
            InsertCore(current, index, text, attributes);
            return;
        }
        doc.Transact(tr => InsertCore(tr, index, text, attributes));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertCore(Transaction tr, int index, string text, IDictionary<string, object?>? attributes)
    {
        var pos = FindPosition(tr, index, attributes is null);
        var attrs = attributes is null ? pos.CurrentAttributes.Copy() : AttrMap.From(attributes);
        InsertText(tr, pos, text, attrs);
    }

    /// <summary>Inserts an embed (an object value) or a shared type at <paramref name="index"/>.</summary>
    public void InsertEmbed(int index, object embed, IDictionary<string, object?>? attributes = null)
    {
        RunOrQueue(() => DocRef!.Transact(tr =>
        {
            var pos = FindPosition(tr, index, attributes is null);
            InsertText(tr, pos, embed, AttrMap.From(attributes));
        }));
    }

    /// <summary>Deletes <paramref name="length"/> units from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Delete(int index, int length)
    {
        if (length == 0) return;
        if (DocRef is null)
        {
            (Pending ??= new List<Action>()).Add(() => Delete(index, length));
            return;
        }
        var current = DocRef.CurrentTransaction;
        if (current is not null) DeleteText(current, FindPosition(current, index, true), length);
        else DocRef.Transact(tr => DeleteText(tr, FindPosition(tr, index, true), length));
    }

    /// <summary>Applies formatting attributes to a range (a null value removes the attribute).</summary>
    public void Format(int index, int length, IDictionary<string, object?> attributes)
    {
        if (length == 0) return;
        RunOrQueue(() => DocRef!.Transact(tr =>
        {
            var pos = FindPosition(tr, index, false);
            if (pos.Right is null) return;
            FormatText(tr, pos, length, AttrMap.From(attributes));
        }));
    }

    /// <summary>Sets a type-level attribute (stored in the type's map).</summary>
    public void SetAttribute(string name, object? value) => RunOrQueue(() => DocRef!.Transact(tr => MapSet(tr, name, value)));

    /// <summary>Removes a type-level attribute.</summary>
    public void RemoveAttribute(string name) => RunOrQueue(() => DocRef!.Transact(tr => MapDelete(tr, name)));

    /// <summary>Gets a type-level attribute.</summary>
    public object? GetAttribute(string name) => MapGet(name);

    /// <summary>All type-level attributes.</summary>
    public IReadOnlyDictionary<string, object?> GetAttributes()
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in MapItems) if (!v.IsDeleted) d[k] = LastValue(v);
        return d;
    }

    /// <summary>The content as a Quill delta.</summary>
    public IReadOnlyList<DeltaOp> ToDelta() => ToDelta(null, null);

    /// <summary>Applies a Quill delta (insert/retain/delete with attributes).</summary>
    public void ApplyDelta(IEnumerable<DeltaOp> delta, bool sanitize = true)
    {
        var ops = delta.ToList();
        RunOrQueue(() => DocRef!.Transact(tr =>
        {
            var pos = new TextPosition(null, Start, 0, new AttrMap());
            for (int i = 0; i < ops.Count; i++)
            {
                var op = ops[i];
                if (op.Insert is not null)
                {
                    object ins = op.Insert;
                    if (!sanitize && ins is string s0 && i == ops.Count - 1 && pos.Right is null && s0.EndsWith('\n')) ins = s0[..^1];
                    if (ins is not string s || s.Length > 0) InsertText(tr, pos, ins, AttrMap.From(op.Attributes));
                }
                else if (op.Retain is { } r)
                {
                    FormatText(tr, pos, r, AttrMap.From(op.Attributes));
                }
                else if (op.Delete is { } d)
                {
                    DeleteText(tr, pos, d);
                }
            }
        }));
    }

    // ---- algorithms (same decisions as yjs so that the produced structs are identical) ----

    internal static void UpdateCurrentAttributes(AttrMap current, ContentFormat f)
    {
        if (f.Value is null) current.Remove(f.Key);
        else current.Set(f.Key, f.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TextPosition FindNextPosition(Transaction tr, TextPosition pos, int count)
    {
        var store = tr.Doc.Store;
        while (pos.Right is not null && count > 0)
        {
            var r = pos.Right;
            if (r.Content is ContentFormat f)
            {
                if (!r.IsDeleted) UpdateCurrentAttributes(pos.CurrentAttributes, f);
            }
            else if (!r.IsDeleted)
            {
                if (count < r.Len) store.GetItemCleanStart(tr, new Id(r.Client, r.Clock + count));
                pos.Index += r.Len;
                count -= r.Len;
            }
            pos.Left = r;
            pos.Right = r.Right;
        }
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TextPosition FindPosition(Transaction tr, int index, bool useSearchMarker)
    {
        if (index < 0 || index > LengthCore) throw new ArgumentOutOfRangeException(nameof(index));
        var attrs = new AttrMap();
        var marker = useSearchMarker ? SearchMarker.Find(this, index) : null;
        if (marker is not null)
        {
            return FindNextPosition(tr, new TextPosition(marker.P.Left, marker.P, marker.Index, attrs), index - marker.Index);
        }
        return FindNextPosition(tr, new TextPosition(null, Start, 0, attrs), index);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertNegatedAttributes(Transaction tr, TextPosition pos, AttrMap negated)
    {
        while (pos.Right is not null && (pos.Right.IsDeleted || (pos.Right.Content is ContentFormat f && negated.TryGet(f.Key, out var nv) && JsValues.EqualAttrs(nv, f.Value))))
        {
            if (!pos.Right.IsDeleted) negated.Remove(((ContentFormat)pos.Right.Content).Key);
            pos.Forward();
        }
        if (negated.Count == 0) return;
        var doc = tr.Doc;
        long own = doc.ClientId;
        foreach (var (key, val) in negated.Entries.ToList())
        {
            var left = pos.Left;
            var right = pos.Right;
            var next = new Item(own, doc.Store.GetState(own), left, left?.LastId, right, right?.Id, this, null, new ContentFormat(key, val));
            next.Integrate(tr, 0);
            pos.Right = next;
            pos.Forward();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MinimizeAttributeChanges(TextPosition pos, AttrMap attributes)
    {
        while (pos.Right is not null)
        {
            var r = pos.Right;
            if (r.IsDeleted || (r.Content is ContentFormat f && JsValues.EqualAttrs(attributes.GetOrNull(f.Key), f.Value)))
            {
                pos.Forward();
                continue;
            }
            break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private AttrMap InsertAttributes(Transaction tr, TextPosition pos, AttrMap attributes)
    {
        var doc = tr.Doc;
        long own = doc.ClientId;
        var negated = new AttrMap();
        var entries = attributes.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            var (key, val) = entries[i];
            var currentVal = pos.CurrentAttributes.GetOrNull(key);
            if (!JsValues.EqualAttrs(currentVal, val))
            {
                negated.Set(key, currentVal);
                var left = pos.Left;
                var right = pos.Right;
                pos.Right = new Item(own, doc.Store.GetState(own), left, left?.LastId, right, right?.Id, this, null, new ContentFormat(key, val));
                pos.Right.Integrate(tr, 0);
                pos.Forward();
            }
        }
        return negated;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InsertText(Transaction tr, TextPosition pos, object text, AttrMap attributes)
    {
        var current = pos.CurrentAttributes.Entries;
        for (int i = 0; i < current.Count; i++)
        {
            if (!attributes.Has(current[i].Key)) attributes.Set(current[i].Key, null);
        }
        attributes = InJsObjectOrder(attributes);
        var doc = tr.Doc;
        long own = doc.ClientId;
        MinimizeAttributeChanges(pos, attributes);
        var negated = InsertAttributes(tr, pos, attributes);
        Content content = text switch
        {
            string s => new ContentString(s),
            AbstractType t => new ContentType(t),
            _ => new ContentEmbed(text),
        };
        var left = pos.Left;
        var right = pos.Right;
        int index = pos.Index;
        if (SearchMarkers is not null) SearchMarker.UpdateChanges(SearchMarkers, pos.Index, content.Length);
        right = new Item(own, doc.Store.GetState(own), left, left?.LastId, right, right?.Id, this, null, content);
        right.Integrate(tr, 0);
        pos.Right = right;
        pos.Index = index;
        pos.Forward();
        InsertNegatedAttributes(tr, pos, negated);
    }

    /// <summary>
    /// yjs keeps an insert's attributes in a JavaScript object, which enumerates array-index keys ("5")
    /// first in numeric order, then the others in insertion order (also the keys added from the current
    /// attributes): the format items are inserted in that order.
    /// </summary>
    private static AttrMap InJsObjectOrder(AttrMap attributes)
    {
        var entries = attributes.Entries;
        bool any = false;
        for (int i = 0; i < entries.Count && !any; i++) any = Encoding.JsObjectOrder.IsArrayIndex(entries[i].Key);
        if (!any) return attributes;
        var ordered = new AttrMap();
        foreach (var (key, value) in entries.Where(e => Encoding.JsObjectOrder.IsArrayIndex(e.Key)).OrderBy(e => uint.Parse(e.Key, System.Globalization.CultureInfo.InvariantCulture)))
        {
            ordered.Set(key, value);
        }
        foreach (var (key, value) in entries.Where(e => !Encoding.JsObjectOrder.IsArrayIndex(e.Key))) ordered.Set(key, value);
        return ordered;
    }

    private void FormatText(Transaction tr, TextPosition pos, int length, AttrMap attributes)
    {
        var doc = tr.Doc;
        long own = doc.ClientId;
        MinimizeAttributeChanges(pos, attributes);
        var negated = InsertAttributes(tr, pos, attributes);
        while (pos.Right is not null && (length > 0 || (negated.Count > 0 && (pos.Right.IsDeleted || pos.Right.Content is ContentFormat))))
        {
            var r = pos.Right;
            if (!r.IsDeleted)
            {
                if (r.Content is ContentFormat f)
                {
                    if (attributes.TryGet(f.Key, out var attr))
                    {
                        if (JsValues.EqualAttrs(attr, f.Value)) negated.Remove(f.Key);
                        else
                        {
                            if (length == 0) break;
                            negated.Set(f.Key, f.Value);
                        }
                        r.Delete(tr);
                    }
                    else
                    {
                        pos.CurrentAttributes.Set(f.Key, f.Value);
                    }
                }
                else
                {
                    if (length < r.Len) doc.Store.GetItemCleanStart(tr, new Id(r.Client, r.Clock + length));
                    length -= r.Len;
                }
            }
            pos.Forward();
        }
        if (length > 0)
        {
            var nl = new string('\n', length);
            pos.Right = new Item(own, doc.Store.GetState(own), pos.Left, pos.Left?.LastId, pos.Right, pos.Right?.Id, this, null, new ContentString(nl));
            pos.Right.Integrate(tr, 0);
            pos.Forward();
        }
        InsertNegatedAttributes(tr, pos, negated);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CleanupFormattingGap(Transaction tr, Item start, Item? curr, AttrMap startAttributes, AttrMap currAttributes)
    {
        Item? end = start;
        Dictionary<string, ContentFormat>? endFormats = null;
        while (end is not null && (!end.Countable || end.IsDeleted))
        {
            if (!end.IsDeleted && end.Content is ContentFormat cf) (endFormats ??= new Dictionary<string, ContentFormat>())[cf.Key] = cf;
            end = end.Right;
        }
        int cleanups = 0;
        bool reachedCurr = false;
        Item? s = start;
        while (s != end && s is not null)
        {
            if (curr == s) reachedCurr = true;
            if (!s.IsDeleted && s.Content is ContentFormat f)
            {
                var startAttrValue = startAttributes.GetOrNull(f.Key);
                if (!(endFormats is not null && endFormats.TryGetValue(f.Key, out var ef) && ef == f) || JsValues.StrictEquals(startAttrValue, f.Value))
                {
                    s.Delete(tr);
                    cleanups++;
                    if (!reachedCurr && JsValues.StrictEquals(currAttributes.GetOrNull(f.Key), f.Value) && !JsValues.StrictEquals(startAttrValue, f.Value))
                    {
                        if (startAttrValue is null) currAttributes.Remove(f.Key);
                        else currAttributes.Set(f.Key, startAttrValue);
                    }
                }
                if (!reachedCurr && !s.IsDeleted) UpdateCurrentAttributes(currAttributes, f);
            }
            s = s.Right;
        }
        return cleanups;
    }

    private static void CleanupContextlessFormattingGap(Transaction tr, Item? item)
    {
        while (item is not null && item.Right is not null && (item.Right.IsDeleted || !item.Right.Countable)) item = item.Right;
        var attrs = new HashSet<string>();
        while (item is not null && (item.IsDeleted || !item.Countable))
        {
            if (!item.IsDeleted && item.Content is ContentFormat f)
            {
                if (!attrs.Add(f.Key)) item.Delete(tr);
            }
            item = item.Left;
        }
    }

    /// <summary>Removes redundant formatting items; returns how many were removed.</summary>
    public int CleanupFormatting()
    {
        int res = 0;
        RequireDoc().Transact(tr =>
        {
            var start = Start;
            var end = Start;
            var startAttributes = new AttrMap();
            var currentAttributes = startAttributes.Copy();
            while (end is not null)
            {
                if (!end.IsDeleted)
                {
                    if (end.Content is ContentFormat f) UpdateCurrentAttributes(currentAttributes, f);
                    else
                    {
                        res += CleanupFormattingGap(tr, start!, end, startAttributes, currentAttributes);
                        startAttributes = currentAttributes.Copy();
                        start = end;
                    }
                }
                end = end.Right;
            }
        });
        return res;
    }

    internal static void CleanupAfterTransaction(Transaction transaction)
    {
        var needFull = new HashSet<YText>(ReferenceEqualityComparer.Instance);
        var doc = transaction.Doc;
        var after = transaction.AfterClocks!;
        for (int o = 0; o < after.Length; o++)
        {
            long afterClock = after[o];
            if (afterClock < 0) continue;
            long clock = Transaction.ClockAt(transaction.BeforeClocks, o);
            if (afterClock == clock) continue;
            var structs = doc.Store.Ordered[o];
            IterateStructs(transaction, structs, clock, afterClock, s =>
            {
                if (s is Item it && !it.IsDeleted && it.Content is ContentFormat && it.Parent is YText yt) needFull.Add(yt);
            });
        }
        doc.Transact(t =>
        {
            IterateDeletedStructs(transaction, transaction.DeleteSet, s =>
            {
                if (s is not Item item || item.Parent is not YText parent || !parent.HasFormatting || needFull.Contains(parent)) return;
                if (item.Content is ContentFormat) needFull.Add(parent);
                else CleanupContextlessFormattingGap(t, item);
            });
            foreach (var yText in needFull) yText.CleanupFormatting();
        });
    }

    internal static void IterateStructs(Transaction tr, StructList structs, long clockStart, long clockEnd, Action<AbstractStruct> f)
    {
        if (clockEnd <= clockStart) return;
        int index = StructStore.FindIndexCleanStart(tr, structs, clockStart);
        AbstractStruct s;
        do
        {
            s = structs[index++];
            if (clockEnd < s.Clock + s.Len) StructStore.FindIndexCleanStart(tr, structs, clockEnd);
            f(s);
        } while (index < structs.Count && structs[index].Clock < clockEnd);
    }

    internal static void IterateDeletedStructs(Transaction tr, DeleteSet ds, Action<AbstractStruct> f)
    {
        foreach (var (client, ranges) in ds.Ranges)
        {
            if (!tr.Doc.Store.Clients.TryGetValue(client, out var structs) || structs.Count == 0) continue;
            long state = structs.Last.Clock + structs.Last.Len;
            foreach (var r in ranges.ToList())
            {
                if (r.Clock >= state) break;
                IterateStructs(tr, structs, r.Clock, r.Clock + r.Length, f);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DeleteText(Transaction tr, TextPosition pos, int length)
    {
        int startLength = length;
        var startAttrs = pos.CurrentAttributes.Copy();
        var start = pos.Right;
        var store = tr.Doc.Store;
        while (length > 0 && pos.Right is not null)
        {
            var r = pos.Right;
            if (!r.IsDeleted && r.Content is ContentType or ContentEmbed or ContentString)
            {
                if (length < r.Len) store.GetItemCleanStart(tr, new Id(r.Client, r.Clock + length));
                length -= r.Len;
                r.Delete(tr);
            }
            pos.Forward();
        }
        if (start is not null) CleanupFormattingGap(tr, start, pos.Right, startAttrs, pos.CurrentAttributes);
        if (SearchMarkers is not null) SearchMarker.UpdateChanges(SearchMarkers, pos.Index, -startLength + length);
    }
}
