using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Web.Documents;

/// <summary>The first content of a new bill's Y.Doc, written by Drafting's <see cref="BillDocument"/>.</summary>
public static class BillSeed
{
    /// <summary>A Yjs v1 update holding a new bill's title, preamble and clauses (in the given order).</summary>
    public static byte[] CreateInitialUpdate(string title, string? preamble, IEnumerable<ClauseDraft> clauses)
    {
        // gc off like the server's documents: the seed is the first state of the bill's history.
        var doc = new Doc(new DocOptions { Gc = false });
        BillDocument.Initialize(doc, title, preamble, clauses);
        return Y.EncodeStateAsUpdate(doc);
    }
}
