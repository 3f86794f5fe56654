using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// The first content of a new bill's Y.Doc, laid out as docs/document-model.md says: <c>title</c> and
/// <c>preamble</c> texts, and one map per clause under <c>clauses</c> (heading, body, order, state).
/// This is the one place the Web layer writes bill content; it moves to Drafting's BillDocument once
/// that type is back in git.
/// </summary>
public static class BillSeed
{
    /// <summary>A Yjs v1 update holding a new bill's title, preamble and clauses (in the given order).</summary>
    public static byte[] CreateInitialUpdate(string title, string? preamble, IEnumerable<ClauseDraft> clauses)
    {
        var doc = new Doc(new DocOptions { Gc = false });
        doc.Transact(_ =>
        {
            doc.GetText("title").Insert(0, title);
            if (!string.IsNullOrEmpty(preamble)) doc.GetText("preamble").Insert(0, preamble);
            var map = doc.GetMap("clauses");
            string? previous = null;
            foreach (var draft in clauses)
            {
                previous = OrderKey.Between(previous, null);
                var clause = new YMap();
                clause.Set("heading", new YText(draft.Heading));
                clause.Set("body", new YText(draft.Body));
                clause.Set("order", previous);
                clause.Set("state", "active");
                map.Set(ClauseId.New(), clause);
            }
        });
        return Y.EncodeStateAsUpdate(doc);
    }
}
