using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// Which clauses' text (heading or body, in any language of a bilingual bill) an update would change, decoded from the update against the
/// server's document rather than trusted from the client: every new struct is placed by its parent (or
/// its origins, which share the parent), every deleted range is looked up among the document's items,
/// and each is walked up to the clause that owns it (docs/document-model.md).
/// </summary>
public static class ClauseTextChanges
{
    /// <summary>
    /// The clauses whose heading or body <paramref name="update"/> changes in <paramref name="doc"/>.
    /// Structs the document already holds (below <paramref name="stateVector"/>) change nothing and are skipped.
    /// </summary>
    public static ClauseTouches Find(Doc doc, UpdateInfo update, IReadOnlyDictionary<long, long> stateVector)
    {
        var finder = new Finder(doc, update, stateVector);
        return finder.Run();
    }

    private sealed class Finder(Doc doc, UpdateInfo update, IReadOnlyDictionary<long, long> stateVector)
    {
        private readonly HashSet<string> _clauses = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Owner> _memo = [];
        private readonly HashSet<int> _visiting = [];
        private readonly AbstractType _clausesRoot = doc.GetMap(BillDocument.ClausesRoot);
        private bool _unresolved;
        private bool _any;

        // Where a struct sits: Known (clause id or null when outside any clause's text) or Unknown.
        private readonly record struct Owner(bool Known, string? ClauseId)
        {
            public static Owner None => new(true, null);
            public static Owner Unknown => new(false, null);
            public static Owner Of(string? clauseId) => new(true, clauseId);
        }

        public ClauseTouches Run()
        {
            var structs = update.Structs;
            for (var i = 0; i < structs.Count; i++)
            {
                var s = structs[i];
                if (s.Kind != StructKind.Item) continue;
                var have = stateVector.TryGetValue(s.Client, out var clock) ? clock : 0;
                if (s.Clock + s.Length <= have) continue;
                Record(OwnerOfUpdateStruct(i));
            }
            foreach (var (client, ranges) in update.DeleteSet.Clients)
            {
                foreach (var range in ranges) RecordDeletion(client, range);
            }
            return new ClauseTouches(_clauses, _unresolved, _any || _unresolved);
        }

        private void Record(Owner owner)
        {
            _any = true;
            if (!owner.Known) _unresolved = true;
            else if (owner.ClauseId is not null) _clauses.Add(owner.ClauseId);
        }

        private void RecordDeletion(long client, DeleteRange range)
        {
            var clock = range.Clock;
            var end = range.Clock + range.Length;
            var have = stateVector.TryGetValue(client, out var known) ? known : 0;
            // The part the document holds: walk its items.
            while (clock < end && clock < have)
            {
                var s = doc.FindStruct(new Id(client, clock));
                if (s is null) break;
                if (s is Item item && !item.Deleted) Record(OwnerOfPlace(item.ParentType, item.ParentSub));
                clock = s.Id.Clock + s.Length;
            }
            // The part beyond: items of this same update (deleting what it inserts), else unknown content.
            if (end > have)
            {
                var from = Math.Max(range.Clock, have);
                var found = false;
                for (var i = 0; i < update.Structs.Count; i++)
                {
                    var s = update.Structs[i];
                    if (s.Kind != StructKind.Item || s.Client != client || s.Clock + s.Length <= from || s.Clock >= end) continue;
                    found = true;
                    Record(OwnerOfUpdateStruct(i));
                }
                if (!found) _unresolved = true;
            }
        }

        private Owner OwnerOfUpdateStruct(int index)
        {
            if (_memo.TryGetValue(index, out var cached)) return cached;
            if (!_visiting.Add(index)) return Owner.Unknown; // a cycle: only a forged update does that
            var s = update.Structs[index];
            Owner owner;
            if (s.ParentName is not null)
            {
                owner = s.ParentName == BillDocument.ClausesRoot ? Owner.Of(s.ParentSub) : Owner.None;
            }
            else if (s.ParentId is { } parentId)
            {
                // The parent is the type held by the item at parentId: in the document, or made by this update.
                if (doc.FindStruct(parentId) is Item parentItem)
                {
                    owner = parentItem.ContentTypeValue is { } type ? OwnerOfPlace(type, s.ParentSub) : Owner.None;
                }
                else
                {
                    var j = IndexInUpdate(parentId);
                    owner = j < 0 ? Owner.Unknown : OwnerOfChild(j, s.ParentSub);
                }
            }
            else
            {
                owner = OwnerByNeighbour(s.Origin) is { Known: true } byOrigin ? byOrigin : OwnerByNeighbour(s.RightOrigin);
            }
            _visiting.Remove(index);
            _memo[index] = owner;
            return owner;
        }

        // A clause's text: its heading and body, in each language of a bilingual bill ("heading.en", "body.en").
        private static bool IsTextKey(string? key) =>
            key is "heading" or "body"
            || (key is not null && (key.StartsWith("heading.", StringComparison.Ordinal) || key.StartsWith("body.", StringComparison.Ordinal)));

        // A struct inside the type that update struct j creates, under key childKey.
        private Owner OwnerOfChild(int j, string? childKey)
        {
            if (KeyInClausesRoot(j, 0) is { } clauseId)
            {
                // j is a clause map (a new clause): only its heading and body are its text.
                return IsTextKey(childKey) ? Owner.Of(clauseId) : Owner.None;
            }
            return OwnerOfUpdateStruct(j);
        }

        // The key under which update struct j sits in the clauses root, or null when it sits elsewhere.
        private string? KeyInClausesRoot(int j, int depth)
        {
            if (depth > 64) return null;
            var u = update.Structs[j];
            if (u.ParentName is not null) return u.ParentName == BillDocument.ClausesRoot ? u.ParentSub : null;
            if (u.ParentId is not null) return null; // a root type has no item: the parent is not the root
            if ((u.Origin ?? u.RightOrigin) is not { } n) return null;
            if (doc.FindStruct(n) is Item item) return ReferenceEquals(item.ParentType, _clausesRoot) ? item.ParentSub : null;
            var k = IndexInUpdate(n);
            return k < 0 || k == j ? null : KeyInClausesRoot(k, depth + 1);
        }

        private Owner OwnerByNeighbour(Id? neighbour)
        {
            if (neighbour is not { } id) return Owner.Unknown;
            if (doc.FindStruct(id) is Item item) return OwnerOfPlace(item.ParentType, item.ParentSub);
            var j = IndexInUpdate(id);
            return j < 0 ? Owner.Unknown : OwnerOfUpdateStruct(j);
        }

        private int IndexInUpdate(Id id)
        {
            var structs = update.Structs;
            for (var i = 0; i < structs.Count; i++)
            {
                var s = structs[i];
                if (s.Client == id.Client && s.Clock <= id.Clock && id.Clock < s.Clock + s.Length) return i;
            }
            return -1;
        }

        // Walks from (type, key under which the item sits) up to the clauses root.
        private Owner OwnerOfPlace(AbstractType? type, string? sub)
        {
            string? below = null;
            var depth = 0;
            while (type is not null && depth++ < 64)
            {
                if (type.Item is null)
                {
                    if (!ReferenceEquals(type, _clausesRoot) || sub is null) return Owner.None;
                    // The item is the clause map itself (below == null) or sits under its heading/body.
                    return below is null || IsTextKey(below) ? Owner.Of(sub) : Owner.None;
                }
                below = sub;
                sub = type.ParentSub;
                type = type.Parent;
            }
            return Owner.Unknown;
        }
    }
}
