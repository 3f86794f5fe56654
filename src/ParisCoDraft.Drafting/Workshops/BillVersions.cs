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
    /// stakeholder group from <paramref name="records"/>. A bilingual bill is compared in one language at a time:
    /// <paramref name="language"/> (null: the primary one). Runs are attributed to groups in the primary language only;
    /// the other language's diff names no group. Either way the diff's hashes are those of the whole bilingual text.
    /// </summary>
    public static BillDiff Compare(Doc doc, byte[]? older, byte[]? newer, AuthorshipRecords records, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var current = older is null || newer is null ? Y.Snapshot(doc) : null;
        var olderSnapshot = older is null ? current! : Decode(doc, older);
        var newerSnapshot = newer is null ? current! : Decode(doc, newer);
        var olderText = BillDocument.Read(doc, olderSnapshot);
        var newerText = BillDocument.Read(doc, newerSnapshot);
        if (language is not null && newerText.IsBilingual && language != newerText.Languages[0])
        {
            var diff = BillDiffer.Compare(Language(olderText, language), newerText.InLanguage(language));
            return diff with { OlderSha256 = olderText.Sha256(), NewerSha256 = newerText.Sha256() };
        }
        var attribution = CrdtAttribution.Build(doc, olderSnapshot, newerSnapshot, records);
        return BillDiffer.Compare(olderText, newerText, attribution);
    }

    // A version taken before the bill was declared bilingual has no text in the second language yet: it reads empty.
    private static BillText Language(BillText text, string language) =>
        text.IsBilingual ? text.InLanguage(language)
        : text with
        {
            Title = "",
            Preamble = "",
            Clauses = [.. text.Clauses.Select(c => c with { Heading = "", Body = "" })],
            Withdrawn = [.. text.Withdrawn.Select(c => c with { Heading = "", Body = "" })],
        };

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
