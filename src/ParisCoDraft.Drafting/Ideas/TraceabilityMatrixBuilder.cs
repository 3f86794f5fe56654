using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>Builds the idea × article matrix of a bill.</summary>
public static class TraceabilityMatrixBuilder
{
    /// <summary>
    /// Builds the matrix. An idea is placed when its disposition is "already done", "outside the City's
    /// powers" or "set aside"; when it is carried in at least one clause that is an article of
    /// <paramref name="bill"/>; or when it was merged with at least one placed idea (it then shows the
    /// articles of the ideas it was merged with).
    /// </summary>
    public static TraceabilityMatrix Build(BillText bill, IEnumerable<Idea> ideas, IReadOnlyDictionary<int, IdeaDisposition> dispositions)
    {
        var articles = bill.Clauses.Select(c => c.Id).ToList();
        var position = articles.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var byNumber = ideas.OrderBy(i => i.Number).ToList();
        var known = byNumber.ToDictionary(i => i.Number);

        var rows = new List<TraceabilityRow>();
        var unplaced = new List<UnplacedIdea>();
        foreach (var idea in byNumber)
        {
            dispositions.TryGetValue(idea.Number, out var disposition);
            var (placed, clauses, reason) = Resolve(idea.Number, [], dispositions, known, position);
            rows.Add(new TraceabilityRow(idea, disposition, [.. clauses.OrderBy(id => position[id])], placed));
            if (!placed) unplaced.Add(new UnplacedIdea(idea, reason));
        }
        return new TraceabilityMatrix(articles, rows, unplaced);
    }

    private static (bool Placed, HashSet<string> Clauses, UnplacedReason Reason) Resolve(
        int number,
        HashSet<int> visiting,
        IReadOnlyDictionary<int, IdeaDisposition> dispositions,
        Dictionary<int, Idea> known,
        Dictionary<string, int> position)
    {
        var clauses = new HashSet<string>(StringComparer.Ordinal);
        if (!known.ContainsKey(number) || !visiting.Add(number)) return (false, clauses, UnplacedReason.MergedWithUnplacedIdea);
        try
        {
            switch (dispositions.GetValueOrDefault(number))
            {
                case null:
                    return (false, clauses, UnplacedReason.NoDisposition);
                case CarriedInClauses carried:
                    clauses.UnionWith(carried.ClauseIds.Where(position.ContainsKey));
                    return (clauses.Count > 0, clauses, UnplacedReason.ClausesNotInBill);
                case MergedWith merged:
                    var placed = false;
                    foreach (var other in merged.IdeaNumbers)
                    {
                        var (p, c, _) = Resolve(other, visiting, dispositions, known, position);
                        placed |= p;
                        clauses.UnionWith(c);
                    }
                    return (placed, clauses, UnplacedReason.MergedWithUnplacedIdea);
                default:
                    return (true, clauses, UnplacedReason.NoDisposition);
            }
        }
        finally
        {
            visiting.Remove(number);
        }
    }
}
