using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Names who made each clause-level change of a <see cref="BillDiff"/>, from the CRDT itself
/// (docs/document-model.md): a move is a new <c>order</c> written into the clause's map, a withdrawal or a
/// reinstatement a <c>state</c> write, a merge a <c>mergedInto</c> write, an added or split clause the creation
/// of its map in <c>clauses</c>. Only entries written between the two versions count: ids not covered by the
/// older state vector and covered by the newer one. The entry that holds the newer value names the author;
/// other people who wrote the same entry in between are counted.
/// </summary>
public static class ClauseAuthorship
{
    private const string Creation = "";
    private static readonly string[] Keys = ["order", "state", "mergedInto", "splitFrom"];

    /// <summary>
    /// <paramref name="diff"/> with <see cref="ClauseDiff.By"/> set on every clause-level change, comparing
    /// the encoded snapshots <paramref name="older"/> and <paramref name="newer"/> (null: the document's current state).
    /// </summary>
    /// <param name="diff">The diff of those two states.</param>
    /// <param name="doc">A document holding both states, gc off (as for <see cref="BillDiffer"/>'s inputs).</param>
    /// <param name="older">The older version's encoded snapshot, or null for the current state.</param>
    /// <param name="newer">The newer version's encoded snapshot, or null for the current state.</param>
    /// <param name="writers">Who each client id belongs to.</param>
    public static BillDiff Attribute(BillDiff diff, Doc doc, byte[]? older, byte[]? newer, ClauseWriters writers)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var current = older is null || newer is null ? Y.Snapshot(doc) : null;
        return Attribute(diff, doc, older is null ? current! : Y.DecodeSnapshot(older), newer is null ? current! : Y.DecodeSnapshot(newer), writers);
    }

    /// <summary><paramref name="diff"/> with <see cref="ClauseDiff.By"/> set on every clause-level change.</summary>
    /// <param name="diff">The diff of <paramref name="older"/> and <paramref name="newer"/>.</param>
    /// <param name="doc">A document holding both states, gc off.</param>
    /// <param name="older">The older state.</param>
    /// <param name="newer">The newer state.</param>
    /// <param name="writers">Who each client id belongs to.</param>
    public static BillDiff Attribute(BillDiff diff, Doc doc, Snapshot older, Snapshot newer, ClauseWriters writers)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(writers);
        var writes = WritesBetween(doc, older, newer);
        var moved = Moves(diff, writes);
        var clauses = new List<ClauseDiff>(diff.Clauses.Count);
        foreach (var c in diff.Clauses)
        {
            var changes = c.Changes;
            if (c.OlderNumber != 0 && c.NewerNumber != 0)
            {
                changes = moved.Contains(c.ClauseId) ? changes | ClauseChanges.Moved : changes & ~ClauseChanges.Moved;
            }
            var clause = changes == c.Changes ? c : c with { Changes = changes };
            writes.TryGetValue(c.ClauseId, out var own);
            clauses.Add(clause with { By = Author(clause, own, newer, writers) });
        }
        return diff with { Clauses = clauses };
    }

    // Which common clauses moved: as the diff's longest-kept-order rule, but among equally long choices the
    // clauses whose order was rewritten are the ones that moved (swapping two clauses is one move, of the
    // clause someone dragged).
    private static HashSet<string> Moves(BillDiff diff, Dictionary<string, Dictionary<string, List<Item>>> writes)
    {
        var common = diff.Clauses.Where(c => c.OlderNumber != 0 && c.NewerNumber != 0).OrderBy(c => c.OlderNumber).ToList();
        var newerIndex = common.ToDictionary(c => c.ClauseId, c => c.NewerNumber, StringComparer.Ordinal);
        var reordered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in common)
        {
            if (writes.TryGetValue(c.ClauseId, out var w) && w.ContainsKey("order")) reordered.Add(c.ClauseId);
        }
        return MoveDetector.Moved([.. common.Select(c => c.ClauseId)], newerIndex, reordered);
    }

    // Per clause id, per key ("" for the clause map's creation): the entries written between the versions.
    private static Dictionary<string, Dictionary<string, List<Item>>> WritesBetween(Doc doc, Snapshot older, Snapshot newer)
    {
        var result = new Dictionary<string, Dictionary<string, List<Item>>>(StringComparer.Ordinal);
        foreach (var (client, end) in newer.StateVector)
        {
            var clock = older.StateVector.TryGetValue(client, out var from) ? from : 0;
            while (clock < end)
            {
                var s = doc.FindStruct(new Id(client, clock));
                if (s is null || s.Length <= 0) break;
                if (s is Item { ParentSub: { } sub, ParentType: { } parent } item && s.Id.Clock >= clock)
                {
                    if (parent.Name == BillDocument.ClausesRoot)
                    {
                        if (item.ContentTypeValue is YMap) Add(result, sub, Creation, item);
                    }
                    else if (parent is YMap { Parent.Name: BillDocument.ClausesRoot, ParentSub: { } clauseId } && Array.IndexOf(Keys, sub) >= 0)
                    {
                        Add(result, clauseId, sub, item);
                    }
                }
                clock = s.Id.Clock + s.Length;
            }
        }
        return result;
    }

    private static void Add(Dictionary<string, Dictionary<string, List<Item>>> into, string clauseId, string key, Item item)
    {
        if (!into.TryGetValue(clauseId, out var byKey))
        {
            byKey = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
            into[clauseId] = byKey;
        }
        if (!byKey.TryGetValue(key, out var list))
        {
            list = [];
            byKey[key] = list;
        }
        list.Add(item);
    }

    private static ChangeAuthor? Author(ClauseDiff c, Dictionary<string, List<Item>>? writes, Snapshot newer, ClauseWriters writers)
    {
        // The change that explains the clause's fate, and the entries that made it (first one holds the value).
        (ClauseChanges Change, string[] Keys)? what =
            c.Has(ClauseChanges.Split) ? (ClauseChanges.Split, [Creation, "splitFrom"])
            : c.Has(ClauseChanges.Merged) ? (ClauseChanges.Merged, ["mergedInto", "state"])
            : c.Has(ClauseChanges.Added) ? (ClauseChanges.Added, c.Older is null ? [Creation] : ["state"])
            : c.Has(ClauseChanges.Withdrawn) ? (ClauseChanges.Withdrawn, ["state"])
            : c.Has(ClauseChanges.Moved) ? (ClauseChanges.Moved, ["order"])
            : null;
        if (what is not { } w) return null;

        Item? last = null;
        var everyone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in w.Keys)
        {
            if (writes is null || !writes.TryGetValue(key, out var items)) continue;
            foreach (var item in items)
            {
                everyone.Add(WriterKey(item.Id.Client, writers));
                if (last is null && !newer.DeleteSet.Contains(item.Id)) last = item;
            }
        }
        if (last is null) return ChangeAuthor.Unknown(w.Change, everyone.Count);
        var lastKey = WriterKey(last.Id.Client, writers);
        var others = everyone.Count - (everyone.Contains(lastKey) ? 1 : 0);
        if (!writers.Clients.TryGetValue(last.Id.Client, out var writer)) return ChangeAuthor.Unknown(w.Change, others);
        if (writer.Role == Role.Facilitator && w.Change == ClauseChanges.Added && c.Older is null && writers.AdoptedNewClauses.Contains(c.ClauseId))
        {
            return new ChangeAuthor(w.Change, ChangeAuthorKind.AdoptedAmendment, null, writer.Role, writer.Name, others);
        }
        return new ChangeAuthor(w.Change, ChangeAuthorKind.Participant, writer.Role?.Group(), writer.Role, writer.Name, others);
    }

    private static string WriterKey(long client, ClauseWriters writers) =>
        writers.Clients.TryGetValue(client, out var w) ? "p:" + w.ParticipantId : "c:" + client.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
