using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>A cursor between two items of a text, with the formatting attributes active at that point.</summary>
internal sealed class TextPosition(Item? left, Item? right, int index, AttrMap currentAttributes)
{
    public Item? Left = left;
    public Item? Right = right;
    public int Index = index;
    public AttrMap CurrentAttributes = currentAttributes;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward()
    {
        var r = Right ?? throw new InvalidOperationException("Unexpected end of text.");
        if (r.Content is ContentFormat f)
        {
            if (!r.IsDeleted) YText.UpdateCurrentAttributes(CurrentAttributes, f);
        }
        else if (!r.IsDeleted) Index += r.Len;
        Left = r;
        Right = r.Right;
    }
}
