using System.Runtime.CompilerServices;
namespace ParisCoDraft.Crdt;

/// <summary>
/// A cached (item, index) pair that speeds up index lookups in long lists (as yjs's ArraySearchMarker).
/// The markers evolve exactly as yjs's; <see cref="Dirty"/> only lets <see cref="UpdateChanges"/> skip
/// the per-marker repair step (which reads the marked item, a cache miss per marker and per edit) when
/// it is provably a no-op.
/// </summary>
internal sealed class SearchMarker
{
    private static long _globalTimestamp;

    public Item P;
    public int Index;
    public long Timestamp;

    /// <summary>
    /// False only when <see cref="P"/> is known to be not deleted, countable, and to carry the marker bit:
    /// then yjs's repair step in <see cref="UpdateChanges"/> leaves everything as it is. Set whenever one of
    /// these may have stopped holding (P deleted, the bit cleared through another marker, P replaced by a merge).
    /// </summary>
    public bool Dirty;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SearchMarker(Item p, int index)
    {
        p.Marker = true;
        P = p;
        Index = index;
        Timestamp = _globalTimestamp++;
        Dirty = p.IsDeleted || !p.Countable;
    }

    public void Refresh() => Timestamp = _globalTimestamp++;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Overwrite(List<SearchMarker> markers, Item p, int index)
    {
        ClearBit(markers, P);
        P = p;
        p.Marker = true;
        Index = index;
        Timestamp = _globalTimestamp++;
        Dirty = p.IsDeleted || !p.Countable;
    }

    /// <summary>Clears the marker bit of <paramref name="p"/>; other markers on <paramref name="p"/> become dirty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ClearBit(List<SearchMarker> markers, Item p)
    {
        if (!p.Marker) return;
        p.Marker = false;
        for (int i = 0; i < markers.Count; i++)
        {
            var m = markers[i];
            if (m.P == p) m.Dirty = true;
        }
    }

    /// <summary>Called when <paramref name="item"/> gets deleted: markers on it must be repaired on the next insert.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OnDeleted(List<SearchMarker> markers, Item item)
    {
        // A clean marker implies the bit on its item; no bit, no clean marker to invalidate.
        if (!item.Marker) return;
        for (int i = 0; i < markers.Count; i++)
        {
            var m = markers[i];
            if (m.P == item) m.Dirty = true;
        }
    }

    public const int MaxMarkers = 80;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SearchMarker MarkPosition(List<SearchMarker> markers, Item p, int index)
    {
        if (markers.Count >= MaxMarkers)
        {
            var oldest = markers[0];
            for (int i = 1; i < markers.Count; i++) if (markers[i].Timestamp < oldest.Timestamp) oldest = markers[i];
            oldest.Overwrite(markers, p, index);
            return oldest;
        }
        var pm = new SearchMarker(p, index);
        markers.Add(pm);
        return pm;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SearchMarker? Find(AbstractType type, int index)
    {
        var markers = type.SearchMarkers;
        if (type.Start is null || index == 0 || markers is null) return null;
        SearchMarker? marker = null;
        if (markers.Count > 0)
        {
            marker = markers[0];
            for (int i = 1; i < markers.Count; i++)
            {
                var b = markers[i];
                // reduce((a, b) => |index - a.index| < |index - b.index| ? a : b)
                if (!(Math.Abs(index - marker.Index) < Math.Abs(index - b.Index))) marker = b;
            }
        }
        Item p = type.Start;
        int pindex = 0;
        if (marker is not null)
        {
            p = marker.P;
            pindex = marker.Index;
            marker.Refresh();
        }
        while (p.Right is not null && pindex < index)
        {
            if (!p.IsDeleted && p.Countable)
            {
                if (index < pindex + p.Len) break;
                pindex += p.Len;
            }
            p = p.Right;
        }
        while (p.Left is not null && pindex > index)
        {
            p = p.Left;
            if (!p.IsDeleted && p.Countable) pindex -= p.Len;
        }
        while (p.Left is not null && p.Left.Client == p.Client && p.Left.Clock + p.Left.Len == p.Clock)
        {
            p = p.Left;
            if (!p.IsDeleted && p.Countable) pindex -= p.Len;
        }
        if (marker is not null && Math.Abs(marker.Index - pindex) < (double)p.Parent!.LengthCore / MaxMarkers)
        {
            marker.Overwrite(markers, p, pindex);
            return marker;
        }
        return MarkPosition(markers, p, pindex);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateChanges(List<SearchMarker> markers, int index, int len)
    {
        for (int i = markers.Count - 1; i >= 0; i--)
        {
            var m = markers[i];
            if (len > 0 && m.Dirty)
            {
                Item? p = m.P;
                // No need to dirty other markers on p: if p is alive and countable, the bit is set again
                // below; otherwise no clean marker can be on p.
                p.Marker = false;
                while (p is not null && (p.IsDeleted || !p.Countable))
                {
                    p = p.Left;
                    if (p is not null && !p.IsDeleted && p.Countable) m.Index -= p.Len;
                }
                if (p is null || p.Marker)
                {
                    markers.RemoveAt(i);
                    continue;
                }
                m.P = p;
                p.Marker = true;
                m.Dirty = false;
            }
            if (index < m.Index || (len > 0 && index == m.Index))
            {
                m.Index = Math.Max(index, m.Index + len);
            }
        }
    }
}
