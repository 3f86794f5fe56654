using DiffPlex;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// Replaces a clause's wording (an adopted amendment) with the smallest character edits, in one
/// transaction: the untouched parts keep their CRDT identity, so comment anchors and people's carets
/// on them survive the adoption.
/// </summary>
public static class ClauseRewrite
{
    private static readonly Differ CharDiffer = new();

    /// <summary>Makes the clause's heading and body read <paramref name="heading"/> and <paramref name="body"/>.</summary>
    public static void Apply(Doc doc, string clauseId, string heading, string body)
    {
        var clause = BillDocument.ClauseMap(doc, clauseId);
        doc.Transact(_ =>
        {
            if (clause.Get("heading") is YText h) Rewrite(h, heading);
            if (clause.Get("body") is YText b) Rewrite(b, body);
        });
    }

    /// <summary>Edits <paramref name="text"/> into <paramref name="target"/> with a character diff.</summary>
    public static void Rewrite(YText text, string target)
    {
        var current = text.ToString();
        if (current == target) return;
        var diff = CharDiffer.CreateCharacterDiffs(current, target, ignoreWhitespace: false, ignoreCase: false);
        // From the end, so earlier offsets (in the old text) stay valid.
        for (var i = diff.DiffBlocks.Count - 1; i >= 0; i--)
        {
            var block = diff.DiffBlocks[i];
            if (block.DeleteCountA > 0) text.Delete(block.DeleteStartA, block.DeleteCountA);
            if (block.InsertCountB > 0) text.Insert(block.DeleteStartA, target.Substring(block.InsertStartB, block.InsertCountB));
        }
    }
}
