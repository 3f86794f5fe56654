using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;

namespace ParisCoDraft.Drafting.Workshops;

/// <summary>Takes, reads and compares versions of a bill's document (a Yjs snapshot each).</summary>
public static class BillVersions
{
    /// <summary>The document's state now, encoded, with the SHA-256 of its text.</summary>
    public static (byte[] Snapshot, string Sha256) Take(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return (Y.EncodeSnapshot(Y.Snapshot(doc)), BillDocument.Read(doc).Sha256());
    }

    /// <summary>
    /// The bill exactly as it stood at <paramref name="snapshot"/>. <paramref name="doc"/> must keep deleted
    /// content (gc off) and hold everything up to the snapshot; reading splits items, so use a private copy.
    /// </summary>
    public static BillText Read(Doc doc, byte[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return BillDocument.Read(doc, Decode(doc, snapshot));
    }

    /// <summary>
    /// Compares two states of <paramref name="doc"/> (null: its current state), each run attributed to a
    /// stakeholder group from <paramref name="records"/>.
    /// </summary>
    public static BillDiff Compare(Doc doc, byte[]? older, byte[]? newer, AuthorshipRecords records)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var current = older is null || newer is null ? Y.Snapshot(doc) : null;
        var olderSnapshot = older is null ? current! : Decode(doc, older);
        var newerSnapshot = newer is null ? current! : Decode(doc, newer);
        var olderText = BillDocument.Read(doc, olderSnapshot);
        var newerText = BillDocument.Read(doc, newerSnapshot);
        var attribution = CrdtAttribution.Build(doc, olderSnapshot, newerSnapshot, records);
        return BillDiffer.Compare(olderText, newerText, attribution);
    }

    private static Snapshot Decode(Doc doc, byte[] snapshot)
    {
        if (doc.Gc) throw new InvalidOperationException("Reading a version needs a document with gc off.");
        var decoded = Y.DecodeSnapshot(snapshot);
        foreach (var (client, clock) in decoded.StateVector)
        {
            if (!doc.StateVector.TryGetValue(client, out var have) || have < clock)
            {
                throw new InvalidOperationException($"The document lacks content of client {client} the version refers to.");
            }
        }
        return decoded;
    }
}
