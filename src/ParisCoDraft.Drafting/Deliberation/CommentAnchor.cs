using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// A comment's range as two Yjs relative positions (encoded as by yjs <c>encodeRelativePosition</c>) in a
/// clause's heading or body: they follow the text through everyone's edits.
/// </summary>
public static class CommentAnchor
{
    /// <summary>Largest encoded relative position accepted.</summary>
    public const int MaxEncodedBytes = 256;

    /// <summary>Checks the encoded ends decode; returns an error message or null.</summary>
    public static string? Validate(byte[]? start, byte[]? end)
    {
        if (start is null && end is null) return null;
        if (start is null || end is null) return "Both ends of the range are needed.";
        if (start.Length > MaxEncodedBytes || end.Length > MaxEncodedBytes) return "A range end is too long.";
        try
        {
            Y.DecodeRelativePosition(start);
            Y.DecodeRelativePosition(end);
            return null;
        }
        catch (UpdateDecodeException e)
        {
            return "A range end does not decode: " + e.Message;
        }
    }

    /// <summary>Encodes a range of a clause field (for tests and server-made anchors).</summary>
    public static (byte[] Start, byte[] End) Create(Doc doc, string clauseId, string field, int from, int to)
    {
        var text = Field(doc, clauseId, field) ?? throw new KeyNotFoundException($"No {field} in clause '{clauseId}'.");
        // The start sticks to the character after it, the end to the character before it: typing at the
        // edges of the range does not widen it.
        var start = Y.CreateRelativePositionFromTypeIndex(text, from, assoc: 0);
        var end = Y.CreateRelativePositionFromTypeIndex(text, to, assoc: -1);
        return (Y.EncodeRelativePosition(start), Y.EncodeRelativePosition(end));
    }

    /// <summary>
    /// Resolves the range in <paramref name="doc"/>; null when the positions refer to content the document
    /// does not know (yet).
    /// </summary>
    public static AnchorResolution? Resolve(Doc doc, string clauseId, string field, byte[] start, byte[] end)
    {
        var text = Field(doc, clauseId, field);
        AbsolutePosition? a, b;
        try
        {
            a = Y.CreateAbsolutePositionFromRelativePosition(Y.DecodeRelativePosition(start), doc);
            b = Y.CreateAbsolutePositionFromRelativePosition(Y.DecodeRelativePosition(end), doc);
        }
        catch (UpdateDecodeException)
        {
            return null;
        }
        if (a is null || b is null) return null;
        if (text is null || !ReferenceEquals(a.Type, text) || !ReferenceEquals(b.Type, text))
        {
            return new AnchorResolution(0, 0, "", Deleted: true);
        }
        var s = text.ToString();
        var from = Math.Clamp(a.Index, 0, s.Length);
        var to = Math.Clamp(b.Index, 0, s.Length);
        return to <= from ? new AnchorResolution(from, from, "", Deleted: true) : new AnchorResolution(from, to, s[from..to], Deleted: false);
    }

    private static YText? Field(Doc doc, string clauseId, string field) =>
        field is "heading" or "body" && doc.GetMap(BillDocument.ClausesRoot).Get(clauseId) is YMap map ? map.Get(field) as YText : null;
}
