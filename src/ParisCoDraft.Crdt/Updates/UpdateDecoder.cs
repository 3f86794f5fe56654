using System.Runtime.CompilerServices;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>
/// Decodes a whole v1 update into structs before anything is applied. Every count and length is checked
/// against the remaining input, clocks stay within 2^53, structs are non-empty, and an item's origin, right
/// origin and parent id of its own client must precede it. Any violation throws <see cref="UpdateDecodeException"/>.
/// </summary>
internal static class UpdateDecoder
{
    public static DecodedUpdate Decode(ReadOnlySpan<byte> update)
    {
        try
        {
            var r = new Lib0Reader(update);
            var clients = ReadClientsStructs(ref r);
            var ds = DeleteSet.Read(ref r);
            return new DecodedUpdate(clients, ds);
        }
        catch (UpdateDecodeException)
        {
            throw;
        }
        catch (Exception e) when (e is OverflowException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new UpdateDecodeException("Malformed update: " + e.Message, e);
        }
    }

    private static KeyValuePair<long, List<AbstractStruct>>[] ReadClientsStructs(ref Lib0Reader r)
    {
        int numClients = r.ReadCount(3);
        var result = new KeyValuePair<long, List<AbstractStruct>>[numClients];
        HashSet<long>? seen = numClients > 1 ? new HashSet<long>() : null;
        for (int i = 0; i < numClients; i++)
        {
            int numStructs = r.ReadCount(2);
            long client = (long)r.ReadVarUint();
            long clock = (long)r.ReadVarUint();
            if (seen is not null && !seen.Add(client)) throw new UpdateDecodeException("Client appears twice in update.");
            var refs = new List<AbstractStruct>(numStructs);
            for (int k = 0; k < numStructs; k++)
            {
                var s = ReadStruct(ref r, client, clock);
                if (s.Len <= 0) throw new UpdateDecodeException("Empty struct.");
                clock += s.Len;
                if (clock > JsNumber.MaxSafeInteger) throw new UpdateDecodeException("Clock out of range.");
                refs.Add(s);
            }
            result[i] = new(client, refs);
        }
        return result;
    }

    private static AbstractStruct ReadStruct(ref Lib0Reader r, long client, long clock)
    {
        byte info = r.ReadByte();
        int refNum = info & 0x1F;
        switch (refNum)
        {
            case 0:
                return new GcStruct(client, clock, r.ReadVarUintAsInt());
            case 10:
                return new SkipStruct(client, clock, r.ReadVarUintAsInt());
        }
        Id? origin = (info & 0x80) != 0 ? ReadId(ref r) : null;
        Id? rightOrigin = (info & 0x40) != 0 ? ReadId(ref r) : null;
        bool cantCopyParentInfo = (info & 0xC0) == 0;
        string? parentName = null;
        Id? parentId = null;
        string? parentSub = null;
        if (cantCopyParentInfo)
        {
            ulong isKey = r.ReadVarUint();
            if (isKey == 1) parentName = r.ReadVarString();
            else if (isKey == 0) parentId = ReadId(ref r);
            else throw new UpdateDecodeException("Invalid parent info.");
            if ((info & 0x20) != 0) parentSub = r.ReadVarString();
        }
        if (origin is { } o && o.Client == client && o.Clock >= clock) throw new UpdateDecodeException("Origin does not precede item.");
        if (rightOrigin is { } ro && ro.Client == client && ro.Clock >= clock) throw new UpdateDecodeException("Right origin does not precede item.");
        if (parentId is { } p && p.Client == client && p.Clock >= clock) throw new UpdateDecodeException("Parent does not precede item.");
        var content = ReadContent(ref r, refNum);
        return new Item(client, clock, null, origin, null, rightOrigin, null, parentSub, content)
        {
            ParentName = parentName,
            ParentIdRef = parentId,
        };
    }

    private static Id ReadId(ref Lib0Reader r)
    {
        long client = (long)r.ReadVarUint();
        long clock = (long)r.ReadVarUint();
        return new Id(client, clock);
    }

    internal static Content ReadContent(ref Lib0Reader r, int refNum)
    {
        switch (refNum)
        {
            case 1:
                return new ContentDeleted(r.ReadVarUintAsInt());
            case 2:
                {
                    int n = r.ReadCount(1);
                    var list = new List<object?>(n);
                    for (int i = 0; i < n; i++)
                    {
                        string s = r.ReadVarString();
                        list.Add(s == "undefined" ? Lib0Undefined.Value : JsJson.Parse(s));
                    }
                    return new ContentJson(list);
                }
            case 3:
                return new ContentBinary(r.ReadVarUint8Array().ToArray());
            case 4:
                return new ContentString(r.ReadVarString());
            case 5:
                return new ContentEmbed(JsJson.Parse(r.ReadVarString()));
            case 6:
                {
                    string key = r.ReadVarString();
                    return new ContentFormat(key, JsJson.Parse(r.ReadVarString()));
                }
            case 7:
                {
                    ulong typeRef = r.ReadVarUint();
                    AbstractType type = typeRef switch
                    {
                        0 => new YArray(),
                        1 => new YMap(),
                        2 => new YText(),
                        3 => new YXmlElement(r.ReadVarString()),
                        4 => new YXmlFragment(),
                        5 => new YXmlHook(r.ReadVarString()),
                        6 => new YXmlText(),
                        _ => throw new UpdateDecodeException($"Unknown type ref {typeRef}."),
                    };
                    return new ContentType(type);
                }
            case 8:
                {
                    int n = r.ReadCount(1);
                    var list = new List<object?>(n);
                    for (int i = 0; i < n; i++) list.Add(r.ReadAny());
                    return new ContentAny(list);
                }
            case 9:
                {
                    string guid = r.ReadVarString();
                    return new ContentDoc(guid, r.ReadAny());
                }
            default:
                throw new UpdateDecodeException($"Unknown content ref {refNum}.");
        }
    }
}
