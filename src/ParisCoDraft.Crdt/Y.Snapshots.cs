using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

public static partial class Y
{
    /// <summary>
    /// Creates a new document holding <paramref name="originDoc"/>'s content as of <paramref name="snapshot"/>.
    /// The origin document must have gc disabled.
    /// </summary>
    public static Doc CreateDocFromSnapshot(Doc originDoc, Snapshot snapshot, Doc? newDoc = null)
    {
        ArgumentNullException.ThrowIfNull(originDoc);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (originDoc.Gc) throw new InvalidOperationException("Garbage-collection must be disabled in originDoc!");
        newDoc ??= new Doc();
        byte[]? update = null;
        originDoc.Transact(tr =>
        {
            var store = originDoc.Store;
            using var w = new Lib0Writer();
            int size = 0;
            foreach (var clock in snapshot.StateVectorDict.Values) if (clock > 0) size++;
            w.WriteVarUint((ulong)size);
            foreach (var (client, clock) in snapshot.StateVectorDict)
            {
                if (clock == 0) continue;
                if (clock < store.GetState(client)) store.GetItemCleanStart(tr, new Id(client, clock));
                if (!store.Clients.TryGetValue(client, out var structs) || structs.FindIndex(clock - 1) < 0)
                {
                    throw new InvalidOperationException("Snapshot refers to content the document does not have.");
                }
                int lastIndex = structs.FindIndex(clock - 1);
                w.WriteVarUint((ulong)(lastIndex + 1));
                w.WriteVarUint((ulong)client);
                w.WriteVarUint(0);
                for (int i = 0; i <= lastIndex; i++) structs[i].Write(w, 0);
            }
            snapshot.DeleteSet.Write(w);
            update = w.ToArray();
        });
        ApplyUpdate(newDoc, update!, "snapshot");
        return newDoc;
    }
}
