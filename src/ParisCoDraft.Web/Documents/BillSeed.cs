using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Web.Documents;

/// <summary>The first content of a new bill's Y.Doc, written by Drafting's <see cref="BillDocument"/>.</summary>
public static class BillSeed
{
    /// <summary>
    /// A Yjs v1 update holding a new bill's title, preamble and clauses (in the given order), declared bilingual in
    /// <paramref name="languages"/> when given.
    /// </summary>
    public static byte[] CreateInitialUpdate(string title, string? preamble, IEnumerable<ClauseDraft> clauses, IReadOnlyList<string>? languages = null)
    {
        // gc off like the server's documents: the seed is the first state of the bill's history.
        var doc = new Doc(new DocOptions { Gc = false });
        BillDocument.Initialize(doc, title, preamble, clauses);
        if (languages is not null) BillLanguages.Declare(doc, languages);
        return Y.EncodeStateAsUpdate(doc);
    }
}
