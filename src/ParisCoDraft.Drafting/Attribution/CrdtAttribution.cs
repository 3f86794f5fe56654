using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;

namespace ParisCoDraft.Drafting.Attribution;

/// <summary>
/// Builds the <see cref="IAttribution"/> of a diff between two snapshots of one document from the CRDT's own
/// history: text added between them belongs to the group of its items' client id, text removed to the group
/// that first sent its deletion; an article that (re)enters or leaves the bill is credited as a whole to
/// whoever set its <c>state</c>. Offsets match the texts <see cref="BillDocument.Read"/> gives for the two
/// snapshots, which <see cref="BillDiffer"/> compares.
/// </summary>
public static class CrdtAttribution
{
    /// <summary>The attribution of the changes from <paramref name="older"/> to <paramref name="newer"/>.</summary>
    /// <param name="doc">A document holding both states, with gc off. Reading splits its items: use a private copy.</param>
    /// <param name="older">The older state.</param>
    /// <param name="newer">The newer state.</param>
    /// <param name="records">Who wrote and deleted what.</param>
    public static SpanAttribution Build(Doc doc, Snapshot older, Snapshot newer, AuthorshipRecords records)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var spans = new List<AttributedSpan>();
        Walk(doc.GetText(BillDocument.TitleRoot), DiffField.Title, null, older, newer, records, Status.Both, null, spans);
        Walk(doc.GetText(BillDocument.PreambleRoot), DiffField.Preamble, null, older, newer, records, Status.Both, null, spans);

        var stateItems = MapEntries.Index(doc, "state");
        var clauses = doc.GetMap(BillDocument.ClausesRoot);
        var ids = new HashSet<string>(clauses.ToDictionary(older).Keys, StringComparer.Ordinal);
        ids.UnionWith(clauses.ToDictionary(newer).Keys);
        foreach (var id in ids)
        {
            if ((clauses.Get(id, newer) ?? clauses.Get(id, older)) is not YMap map) continue;
            var wasActive = IsActive(clauses, id, older);
            var isActive = IsActive(clauses, id, newer);
            var status = (wasActive, isActive) switch
            {
                (true, true) => Status.Both,
                (false, true) => Status.Entered,
                (true, false) => Status.Left,
                _ => Status.Neither,
            };
            if (status == Status.Neither) continue;
            // Whoever wrote the state that took the clause in or out of the bill.
            StakeholderGroup? mover = null;
            if (status != Status.Both && stateItems.TryGetValue(map, out var items))
            {
                var setter = items.FirstOrDefault(i => Visible(i, newer));
                if (setter is not null) mover = records.Writer(setter.Id.Client);
            }
            foreach (var (key, field) in new[] { ("heading", DiffField.Heading), ("body", DiffField.Body) })
            {
                if ((map.Get(key, newer) ?? map.Get(key, older)) is YText text)
                {
                    Walk(text, field, id, older, newer, records, status, mover, spans);
                }
            }
        }
        return new SpanAttribution(spans);
    }

    private enum Status
    {
        Both,
        Entered,
        Left,
        Neither,
    }

    private static bool IsActive(YMap clauses, string id, Snapshot snapshot) =>
        clauses.Get(id, snapshot) is YMap m && m.Get("state", snapshot) as string == "active";

    private static bool Visible(Item item, Snapshot s) =>
        s.StateVector.TryGetValue(item.Id.Client, out var clock) && clock > item.Id.Clock && !s.DeleteSet.Contains(item.Id);

    private static void Walk(
        YText text, DiffField field, string? clauseId, Snapshot older, Snapshot newer, AuthorshipRecords records,
        Status status, StakeholderGroup? mover, List<AttributedSpan> spans)
    {
        var newPos = 0;
        var oldPos = 0;
        // An article entering or leaving the bill shows whole in the diff: its added runs go to their
        // writers, its removed runs to their deleters, and its unchanged runs to whoever moved it in or out.
        foreach (var op in text.ToDelta(newer, older, YChange))
        {
            if (op.Insert is not string s) continue;
            var change = op.Attributes is { } a && a.TryGetValue("ychange", out var yc) ? yc as IDictionary<string, object?> : null;
            var type = change?["type"] as string;
            var id = change is not null && change.TryGetValue("id", out var idv) && idv is Id i ? i : default;
            switch (type)
            {
                case "added":
                    if (status is Status.Both or Status.Entered && records.Writer(id.Client) is { } writer)
                    {
                        spans.Add(new AttributedSpan(field, clauseId, false, newPos, s.Length, writer));
                    }
                    newPos += s.Length;
                    break;
                case "removed":
                    if (status is Status.Both or Status.Left)
                    {
                        foreach (var (clock, length, group) in records.Deleters(id.Client, id.Clock, s.Length))
                        {
                            spans.Add(new AttributedSpan(field, clauseId, true, oldPos + (int)(clock - id.Clock), (int)length, group));
                        }
                    }
                    oldPos += s.Length;
                    break;
                default:
                    break;
            }
            if (type is null)
            {
                // Unchanged text: only credited when the whole article entered or left the bill.
                if (status == Status.Entered && mover is { } m) spans.Add(new AttributedSpan(field, clauseId, false, newPos, s.Length, m));
                if (status == Status.Left && mover is { } w) spans.Add(new AttributedSpan(field, clauseId, true, oldPos, s.Length, w));
                newPos += s.Length;
                oldPos += s.Length;
            }
        }
    }

    // Removed items get no "user", so every removed item becomes its own op and keeps its exact id; added
    // runs of one client merge.
    private static object? YChange(string type, Id id) => new Dictionary<string, object?>
    {
        ["type"] = type,
        ["user"] = type == "added" ? id.Client : null,
        ["id"] = id,
    };
}
