using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>Top-level functions named like the yjs exports.</summary>
public static partial class Y
{
    /// <summary>Encodes the document (or what is missing relative to a state vector) as a v1 update.</summary>
    public static byte[] EncodeStateAsUpdate(Doc doc, ReadOnlySpan<byte> encodedTargetStateVector = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var sv = StateVectors.Decode(encodedTargetStateVector);
        var main = UpdateWriter.EncodeStateAsUpdate(doc, sv);
        var store = doc.Store;
        if (store.PendingStructs is null && store.PendingDeleteSet is null) return main;
        var parts = new List<byte[]> { main };
        if (store.PendingDeleteSet is not null) parts.Add(EncodeDeleteSetOnly(store.PendingDeleteSet));
        if (store.PendingStructs is not null) parts.Add(DiffUpdate(EncodePendingStructs(store.PendingStructs), encodedTargetStateVector));
        return MergeUpdates(parts);
    }

    internal static byte[] EncodeDeleteSetOnly(DeleteSet ds)
    {
        using var w = new Lib0Writer();
        w.WriteVarUint(0);
        ds.Write(w);
        return w.ToArray();
    }

    internal static byte[] EncodePendingStructs(Dictionary<long, List<AbstractStruct>> pending)
    {
        // Clients in descending order, as yjs writes every update (the dictionary keeps the order in which clients
        // became pending): MergeUpdates joins the sections of one client only when each input lists its clients
        // that way, and wrote a client twice (or dropped its structs) when this part listed them in another order.
        var lists = pending.OrderByDescending(kv => kv.Key).ToList();
        return UpdateMerger.WriteLists(lists, new DeleteSet());
    }

    /// <summary>
    /// Applies a v1 update. The whole update is decoded and validated first (every length against the remaining
    /// bytes, clocks within 2^53, non-empty structs, own-client references pointing backwards); on any problem
    /// <see cref="UpdateDecodeException"/> is thrown and the document is unchanged.
    /// Structs whose predecessors have not arrived (a clock gap, or a reference to unknown content) are kept
    /// pending and integrated when the missing part arrives, as yjs does. Pending is bounded: if this update would
    /// raise the number of pending structs above <see cref="DocOptions.MaxPendingStructs"/> (or pending delete
    /// ranges above <see cref="DocOptions.MaxPendingDeleteRanges"/>), it is rejected with
    /// <see cref="UpdateDecodeException"/> and nothing is applied; the caller should then resynchronise
    /// (send its state vector) rather than retry.
    /// </summary>
    public static void ApplyUpdate(Doc doc, ReadOnlySpan<byte> update, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var decoded = UpdateDecoder.Decode(update);
        UpdateIntegrator.Apply(doc, decoded, origin);
    }

    /// <summary>
    /// The next clock expected from <paramref name="client"/> (0 when the document has nothing of it), as yjs's
    /// <c>getState</c>: one client's entry of the state vector without building the whole vector.
    /// </summary>
    public static long GetState(Doc doc, long client)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return doc.Store.GetState(client);
    }

    /// <summary>Encodes the document's state vector.</summary>
    public static byte[] EncodeStateVector(Doc doc) => StateVectors.Encode(doc.Store.GetStateVector());

    /// <summary>Decodes a state vector.</summary>
    public static IReadOnlyDictionary<long, long> DecodeStateVector(ReadOnlySpan<byte> stateVector) => StateVectors.Decode(stateVector);

    /// <summary>Encodes a state vector.</summary>
    public static byte[] EncodeStateVector(IReadOnlyDictionary<long, long> stateVector) => StateVectors.Encode(stateVector);

    /// <summary>Decodes an update without applying it (for inspection). Throws <see cref="UpdateDecodeException"/>.</summary>
    public static UpdateInfo ReadUpdateInfo(ReadOnlySpan<byte> update)
    {
        var decoded = UpdateDecoder.Decode(update);
        var list = new List<StructInfo>(decoded.StructCount);
        foreach (var (_, structs) in decoded.Clients)
        {
            foreach (var s in structs)
            {
                list.Add(s switch
                {
                    Item it => new StructInfo(it.Client, it.Clock, it.Len, StructKind.Item, it.OriginId, it.RightOriginId, it.ParentName, it.ParentIdRef, it.ParentSubKey, it.Content.Ref)
                    {
                        TypeRef = it.Content is ContentType ct ? ct.Type.TypeRef : null,
                    },
                    GcStruct => new StructInfo(s.Client, s.Clock, s.Len, StructKind.GC, null, null, null, null, null, 0),
                    _ => new StructInfo(s.Client, s.Clock, s.Len, StructKind.Skip, null, null, null, null, null, 10),
                });
            }
        }
        return new UpdateInfo(list, decoded.DeleteSet);
    }

    /// <summary>Takes a snapshot of the document.</summary>
    public static Snapshot Snapshot(Doc doc) => new(DeleteSet.FromStore(doc.Store), doc.Store.GetStateVector());

    /// <summary>Encodes a snapshot (delete set then state vector, v1 encoding).</summary>
    public static byte[] EncodeSnapshot(Snapshot snapshot) => snapshot.Encode();

    /// <summary>Decodes a snapshot. Throws <see cref="UpdateDecodeException"/>.</summary>
    public static Snapshot DecodeSnapshot(ReadOnlySpan<byte> bytes) => Crdt.Snapshot.Decode(bytes);

    /// <summary>The empty snapshot.</summary>
    public static Snapshot EmptySnapshot => new(new DeleteSet(), new Dictionary<long, long>());
}
