using System.Runtime.CompilerServices;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>
/// An inserted run of content in a shared type's list (or a map entry). Items form a doubly linked
/// list per type; <see cref="Origin"/>/<see cref="RightOrigin"/> are the neighbours at insertion time.
/// </summary>
public sealed class Item : AbstractStruct
{
    private const byte KeepBit = 1;
    private const byte CountableBit = 2;
    private const byte DeletedBit = 4;
    private const byte MarkerBit = 8;

    internal Item? Left;
    internal Item? Right;
    internal Id? OriginId;
    internal Id? RightOriginId;
    internal AbstractType? Parent;
    /// <summary>Unresolved parent of a decoded item: the root name.</summary>
    internal string? ParentName;
    /// <summary>Unresolved parent of a decoded item: the id of the item holding the parent type.</summary>
    internal Id? ParentIdRef;
    internal string? ParentSubKey;
    internal Content Content;
    private byte _info;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Item(long client, long clock, Item? left, Id? origin, Item? right, Id? rightOrigin, AbstractType? parent, string? parentSub, Content content)
        : base(client, clock, content.Length)
    {
        Left = left;
        OriginId = origin;
        Right = right;
        RightOriginId = rightOrigin;
        Parent = parent;
        ParentSubKey = parentSub;
        Content = content;
        _info = content.Countable ? CountableBit : (byte)0;
    }

    /// <summary>Id of the left neighbour at insertion time.</summary>
    public Id? Origin => OriginId;

    /// <summary>Id of the right neighbour at insertion time.</summary>
    public Id? RightOrigin => RightOriginId;

    /// <summary>The key under which this item sits in its parent map, or null for list content.</summary>
    public string? ParentSub => ParentSubKey;

    /// <summary>The type holding this item (null before integration or when garbage collected).</summary>
    public AbstractType? ParentType => Parent;

    /// <summary>The shared type this item carries, if its content is a type.</summary>
    public AbstractType? ContentTypeValue => (Content as ContentType)?.Type;

    /// <summary>Numeric content ref (1..9).</summary>
    public int ContentRef => Content.Ref;

    /// <inheritdoc />
    public override bool Deleted => (_info & DeletedBit) != 0;

    internal bool IsDeleted => (_info & DeletedBit) != 0;

    internal bool Countable => (_info & CountableBit) != 0;

    internal bool Keep
    {
        get => (_info & KeepBit) != 0;
        set => _info = value ? (byte)(_info | KeepBit) : (byte)(_info & ~KeepBit);
    }

    internal bool Marker
    {
        get => (_info & MarkerBit) != 0;
        set => _info = value ? (byte)(_info | MarkerBit) : (byte)(_info & ~MarkerBit);
    }

    internal Id LastId => Len == 1 ? new Id(Client, Clock) : new Id(Client, Clock + Len - 1);

    internal void MarkDeleted() => _info |= DeletedBit;

    internal Item? Next
    {
        get
        {
            var n = Right;
            while (n is not null && n.IsDeleted) n = n.Right;
            return n;
        }
    }

    internal Item? Prev
    {
        get
        {
            var n = Left;
            while (n is not null && n.IsDeleted) n = n.Left;
            return n;
        }
    }

    internal override long? GetMissing(Transaction tr, StructStore store)
    {
        if (OriginId is { } o && o.Client != Client && o.Clock >= store.GetState(o.Client)) return o.Client;
        if (RightOriginId is { } ro && ro.Client != Client && ro.Clock >= store.GetState(ro.Client)) return ro.Client;
        if (ParentIdRef is { } pid && pid.Client != Client && pid.Clock >= store.GetState(pid.Client)) return pid.Client;

        if (OriginId is { } origin)
        {
            var l = store.GetItemCleanEnd(tr, origin);
            Left = l as Item;
            if (l is Item li) OriginId = li.LastId;
            else { LeftIsGc = true; }
        }
        if (RightOriginId is { } rOrigin)
        {
            var r = store.GetItemCleanStart(tr, rOrigin);
            Right = r as Item;
            if (r is Item ri) RightOriginId = ri.Id;
            else { RightIsGc = true; }
        }
        if (LeftIsGc || RightIsGc)
        {
            Parent = null;
            ParentName = null;
            ParentIdRef = null;
        }
        else if (Parent is null && ParentName is null && ParentIdRef is null)
        {
            if (Left is not null)
            {
                Parent = Left.Parent;
                ParentSubKey = Left.ParentSubKey;
            }
            else if (Right is not null)
            {
                Parent = Right.Parent;
                ParentSubKey = Right.ParentSubKey;
            }
        }
        else if (ParentIdRef is { } parentId)
        {
            var p = store.Find(parentId);
            Parent = p is Item pi && pi.Content is ContentType ct ? ct.Type : null;
            ParentIdRef = null;
        }
        else if (ParentName is not null)
        {
            Parent = tr.Doc.GetOrCreateRoot(ParentName);
            ParentName = null;
        }
        return null;
    }

    internal bool LeftIsGc;
    internal bool RightIsGc;

    internal override void Integrate(Transaction tr, int offset)
    {
        var store = tr.Doc.Store;
        if (offset > 0)
        {
            Clock += offset;
            var l = store.GetItemCleanEnd(tr, new Id(Client, Clock - 1));
            Left = l as Item;
            OriginId = l is Item li ? li.LastId : new Id(Client, Clock - 1);
            if (l is not Item) Parent = null;
            Content = Content.Splice(offset);
            Len -= offset;
        }
        var parent = Parent;
        if (parent is not null)
        {
            if ((Left is null && (Right is null || Right.Left is not null)) || (Left is not null && Left.Right != Right))
            {
                var left = Left;
                Item? o;
                if (left is not null) o = left.Right;
                else if (ParentSubKey is not null)
                {
                    parent.MapItems.TryGetValue(ParentSubKey, out o);
                    while (o is not null && o.Left is not null) o = o.Left;
                }
                else o = parent.Start;
                HashSet<Item>? conflicting = null;
                HashSet<Item>? beforeOrigin = null;
                while (o is not null && o != Right)
                {
                    beforeOrigin ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
                    conflicting ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
                    beforeOrigin.Add(o);
                    conflicting.Add(o);
                    if (OriginId == o.OriginId)
                    {
                        if (o.Client < Client)
                        {
                            left = o;
                            conflicting.Clear();
                        }
                        else if (RightOriginId == o.RightOriginId)
                        {
                            break;
                        }
                    }
                    else if (o.OriginId is { } oo && store.Find(oo) is Item oi && beforeOrigin.Contains(oi))
                    {
                        if (!conflicting.Contains(oi))
                        {
                            left = o;
                            conflicting.Clear();
                        }
                    }
                    else break;
                    o = o.Right;
                }
                Left = left;
            }
            if (Left is not null)
            {
                Right = Left.Right;
                Left.Right = this;
            }
            else
            {
                Item? r;
                if (ParentSubKey is not null)
                {
                    parent.MapItems.TryGetValue(ParentSubKey, out r);
                    while (r is not null && r.Left is not null) r = r.Left;
                }
                else
                {
                    r = parent.Start;
                    parent.Start = this;
                }
                Right = r;
            }
            if (Right is not null) Right.Left = this;
            else if (ParentSubKey is not null)
            {
                parent.MapItems[ParentSubKey] = this;
                Left?.Delete(tr);
            }
            if (ParentSubKey is null && Countable && !IsDeleted) parent.LengthCore += Len;
            store.AddStruct(this);
            // Text content has nothing to integrate/delete/collect: skip the virtual call on the hot path.
            if (Content is not ContentString) Content.Integrate(tr, this);
            tr.AddChangedType(parent, ParentSubKey);
            if ((parent.ItemRef is not null && parent.ItemRef.IsDeleted) || (ParentSubKey is not null && Right is not null))
            {
                Delete(tr);
            }
        }
        else
        {
            new GcStruct(Client, Clock, Len).Integrate(tr, 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Delete(Transaction tr)
    {
        if (IsDeleted) return;
        var parent = Parent!;
        if (Countable && ParentSubKey is null) parent.LengthCore -= Len;
        MarkDeleted();
        if (parent.SearchMarkers is { Count: > 0 } markers) SearchMarker.OnDeleted(markers, this);
        tr.DeleteSet.Add(Client, Clock, Len);
        tr.AddChangedType(parent, ParentSubKey);
        if (Content is not ContentString) Content.Delete(tr);
    }

    internal void Gc(StructStore store, bool parentGcd)
    {
        if (!IsDeleted) throw new InvalidOperationException("Only deleted items can be garbage collected.");
        if (Content is not ContentString) Content.Gc(store);
        if (parentGcd) store.ReplaceStruct(this, new GcStruct(Client, Clock, Len));
        else Content = new ContentDeleted(Len);
    }

    internal override bool MergeWith(AbstractStruct rightStruct)
    {
        if (rightStruct is not Item right) return false;
        if (right.OriginId is { } ro && ro == LastId &&
            Right == right &&
            RightOriginId == right.RightOriginId &&
            Client == right.Client &&
            Clock + Len == right.Clock &&
            IsDeleted == right.IsDeleted &&
            (Content is ContentString cs
                ? right.Content is ContentString rcs && cs.MergeWith(rcs)
                : Content.GetType() == right.Content.GetType() && Content.MergeWith(right.Content)))
        {
            var markers = Parent?.SearchMarkers;
            if (markers is not null)
            {
                foreach (var m in markers)
                {
                    if (m.P == right)
                    {
                        m.P = this;
                        m.Dirty = true;
                        if (!IsDeleted && Countable) m.Index -= Len;
                    }
                }
            }
            if (right.Keep) Keep = true;
            Right = right.Right;
            if (Right is not null) Right.Left = this;
            Len += right.Len;
            return true;
        }
        return false;
    }

    internal override void Write(Lib0Writer w, int offset)
    {
        Id? origin = offset > 0 ? new Id(Client, Clock + offset - 1) : OriginId;
        int info = (Content.Ref & 0x1F) | (origin is null ? 0 : 0x80) | (RightOriginId is null ? 0 : 0x40) | (ParentSubKey is null ? 0 : 0x20);
        w.WriteByte((byte)info);
        if (origin is { } o)
        {
            w.WriteVarUint((ulong)o.Client);
            w.WriteVarUint((ulong)o.Clock);
        }
        if (RightOriginId is { } r)
        {
            w.WriteVarUint((ulong)r.Client);
            w.WriteVarUint((ulong)r.Clock);
        }
        if (origin is null && RightOriginId is null)
        {
            if (Parent is not null)
            {
                var pItem = Parent.ItemRef;
                if (pItem is null)
                {
                    w.WriteVarUint(1);
                    w.WriteVarString(Parent.FindRootKey());
                }
                else
                {
                    w.WriteVarUint(0);
                    w.WriteVarUint((ulong)pItem.Client);
                    w.WriteVarUint((ulong)pItem.Clock);
                }
            }
            else if (ParentName is not null)
            {
                w.WriteVarUint(1);
                w.WriteVarString(ParentName);
            }
            else if (ParentIdRef is { } pid)
            {
                w.WriteVarUint(0);
                w.WriteVarUint((ulong)pid.Client);
                w.WriteVarUint((ulong)pid.Clock);
            }
            else throw new InvalidOperationException("Item without parent.");
            if (ParentSubKey is not null) w.WriteVarString(ParentSubKey);
        }
        Content.Write(w, offset);
    }

    /// <summary>Splits this item at <paramref name="diff"/>; returns the right part (already linked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Item Split(Transaction? tr, int diff)
    {
        var right = new Item(Client, Clock + diff, this, new Id(Client, Clock + diff - 1), Right, RightOriginId, Parent, ParentSubKey, Content.Splice(diff))
        {
            ParentName = ParentName,
            ParentIdRef = ParentIdRef,
        };
        if (IsDeleted) right.MarkDeleted();
        if (Keep) right.Keep = true;
        Right = right;
        if (right.Right is not null) right.Right.Left = right;
        tr?.MergeStructs.Add(right);
        if (right.ParentSubKey is not null && right.Right is null && right.Parent is not null) right.Parent.MapItems[right.ParentSubKey] = right;
        Len = diff;
        return right;
    }
}
