using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

public static partial class Y
{
    private static RelativePosition CreateRelativePosition(AbstractType type, Id? item, int assoc)
    {
        if (type.ItemRef is null) return new RelativePosition(null, type.FindRootKey(), item, assoc);
        return new RelativePosition(type.ItemRef.Id, null, item, assoc);
    }

    /// <summary>Creates a relative position at <paramref name="index"/> of <paramref name="type"/> (as yjs).</summary>
    public static RelativePosition CreateRelativePositionFromTypeIndex(AbstractType type, int index, int assoc = 0)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = type.Start;
        if (assoc < 0)
        {
            if (index == 0) return CreateRelativePosition(type, null, assoc);
            index--;
        }
        while (t is not null)
        {
            if (!t.IsDeleted && t.Countable)
            {
                if (t.Len > index) return CreateRelativePosition(type, new Id(t.Client, t.Clock + index), assoc);
                index -= t.Len;
            }
            if (t.Right is null && assoc < 0) return CreateRelativePosition(type, t.LastId, assoc);
            t = t.Right;
        }
        return CreateRelativePosition(type, null, assoc);
    }

    /// <summary>Binary form of a relative position (as yjs encodeRelativePosition).</summary>
    public static byte[] EncodeRelativePosition(RelativePosition rpos)
    {
        using var w = new Lib0Writer(32);
        if (rpos.Item is { } item)
        {
            w.WriteVarUint(0);
            w.WriteVarUint((ulong)item.Client);
            w.WriteVarUint((ulong)item.Clock);
        }
        else if (rpos.TName is not null)
        {
            w.WriteByte(1);
            w.WriteVarString(rpos.TName);
        }
        else if (rpos.Type is { } type)
        {
            w.WriteByte(2);
            w.WriteVarUint((ulong)type.Client);
            w.WriteVarUint((ulong)type.Clock);
        }
        else throw new ArgumentException("Relative position without target.", nameof(rpos));
        w.WriteVarInt(rpos.Assoc);
        return w.ToArray();
    }

    /// <summary>Decodes the binary form. Throws <see cref="UpdateDecodeException"/>.</summary>
    public static RelativePosition DecodeRelativePosition(ReadOnlySpan<byte> bytes)
    {
        var r = new Lib0Reader(bytes);
        Id? type = null;
        string? tname = null;
        Id? item = null;
        switch (r.ReadVarUint())
        {
            case 0:
                item = new Id((long)r.ReadVarUint(), (long)r.ReadVarUint());
                break;
            case 1:
                tname = r.ReadVarString();
                break;
            case 2:
                type = new Id((long)r.ReadVarUint(), (long)r.ReadVarUint());
                break;
            default:
                throw new UpdateDecodeException("Unknown relative position kind.");
        }
        long assoc = r.HasContent ? r.ReadVarInt() : 0;
        if (assoc > int.MaxValue || assoc < int.MinValue) throw new UpdateDecodeException("assoc out of range.");
        return new RelativePosition(type, tname, item, (int)assoc);
    }

    /// <summary>Resolves a relative position in <paramref name="doc"/>; null when it refers to content not known (yet) or collected.</summary>
    public static AbsolutePosition? CreateAbsolutePositionFromRelativePosition(RelativePosition rpos, Doc doc)
    {
        var store = doc.Store;
        AbstractType? type;
        int index = 0;
        if (rpos.Item is { } rightId)
        {
            if (store.GetState(rightId.Client) <= rightId.Clock) return null;
            if (store.Find(rightId) is not Item right) return null;
            int diff = (int)(rightId.Clock - right.Clock);
            type = right.Parent;
            if (type is null) return null;
            if (type.ItemRef is null || !type.ItemRef.IsDeleted)
            {
                index = (right.IsDeleted || !right.Countable) ? 0 : diff + (rpos.Assoc >= 0 ? 0 : 1);
                for (var n = right.Left; n is not null; n = n.Left)
                {
                    if (!n.IsDeleted && n.Countable) index += n.Len;
                }
            }
        }
        else
        {
            if (rpos.TName is not null) type = doc.GetOrCreateRoot(rpos.TName);
            else if (rpos.Type is { } typeId)
            {
                if (store.GetState(typeId.Client) <= typeId.Clock) return null;
                if (store.Find(typeId) is Item { Content: ContentType ct }) type = ct.Type;
                else return null;
            }
            else throw new ArgumentException("Relative position without target.", nameof(rpos));
            index = rpos.Assoc >= 0 ? type.LengthCore : 0;
        }
        return new AbsolutePosition(type, index, rpos.Assoc);
    }

    /// <summary>Whether two relative positions are equal.</summary>
    public static bool CompareRelativePositions(RelativePosition? a, RelativePosition? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.TName == b.TName && a.Item == b.Item && a.Type == b.Type && a.Assoc == b.Assoc);
}
