namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// Pending structs (updates whose dependencies have not arrived) behave exactly as in yjs 13.6.33,
/// including its blind spot: a doc can keep structs pending forever although it holds all of them.
/// yjs retries pending structs only when an update raises the state of a client in the pending
/// "missing" state vector, and that vector only keeps the first dependency it hit: an item that needs
/// clock 0 of a client whose own structs in the same update start after a gap is recorded as needing
/// the gap, not clock 0. A reconnection sync (state vector exchange) unblocks it. The differential
/// sessions end with that sync for this reason (seeds 800971084, 122930839).
/// </summary>
public sealed class PendingUpdateTests
{
    // yjs 13.6.33 (node, from the repository root):
    //   import * as Y from 'yjs'
    //   const mk = (id) => { const d = new Y.Doc(); d.clientID = id; return d }
    //   const dc = mk(1), da = mk(2)
    //   const last = (d, f) => { let u; const h = (x) => { u = x }; d.on('update', h); f(); d.off('update', h); return u }
    //   const uc0 = last(dc, () => dc.getText('t').insert(0, 'x')); Y.applyUpdate(da, uc0)
    //   const ua0 = last(da, () => da.getText('t').insert(1, 'a')); Y.applyUpdate(dc, ua0)
    //   const uc1 = last(dc, () => dc.getText('t').insert(1, 'y'))   // left of 'a': needs a's item
    //   const uc2 = last(dc, () => dc.getText('t').insert(3, 'z'))
    //   const u1 = Y.mergeUpdates([ua0, uc2])                         // AgECAIQBAAFhAQEChAIAAXoA
    //   const r = mk(3); for (const u of [u1, uc0, uc1]) Y.applyUpdate(r, u)
    //   r.getText('t').toString()              -> "x"   (pending missing: {1: 1, 2: 0})
    //   Y.encodeStateVector(r)                 -> AQEB
    //   Y.encodeStateAsUpdate(r)               -> AgECAIQBAAFhAwEABAEBdAF4xAEAAgABeYQCAAF6AA==
    //   a fresh doc applying that state        -> "xyaz"
    //   Y.encodeStateAsUpdate(dc, Y.encodeStateVector(r)) -> AgECAIQBAAFhAgEBxAEAAgABeYQCAAF6AA==, applied to r -> "xyaz"
    [Fact]
    public void KeepsStructsPendingThatYjsNeverRetriesUntilAReconnectionSyncArrives()
    {
        var r = Builders.NewDoc(3);
        var text = r.GetText("t");
        foreach (var u in new[] { "AgECAIQBAAFhAQEChAIAAXoA", "AQEBAAQBAXQBeAA=", "AQEBAcQBAAIAAXkA" })
        {
            Y.ApplyUpdate(r, Convert.FromBase64String(u));
        }

        Assert.Equal("x", text.ToString());
        Assert.Equal("AQEB", Convert.ToBase64String(Y.EncodeStateVector(r)));
        var full = Y.EncodeStateAsUpdate(r);
        Assert.Equal("AgECAIQBAAFhAwEABAEBdAF4xAEAAgABeYQCAAF6AA==", Convert.ToBase64String(full));

        var fresh = Builders.NewDoc(4);
        Y.ApplyUpdate(fresh, full);
        Assert.Equal("xyaz", fresh.GetText("t").ToString());

        Y.ApplyUpdate(r, Convert.FromBase64String("AgECAIQBAAFhAgEBxAEAAgABeYQCAAF6AA=="));
        Assert.Equal("xyaz", text.ToString());
    }

    // A mutated update (fuzz seed 327040987): client 4's structs start at clock 2^46 + 302. yjs would keep them
    // pending behind a skip that long; a document that accepted it could no longer encode its state (a skip is at
    // most 2^31 - 1 long here), so every later sync would fail. It is refused before anything is applied.
    [Fact]
    public void RefusesAnUpdateWhoseClockGapIsTooWideToKeepPending()
    {
        var doc = Builders.NewDoc(3);
        doc.GetText("text").Insert(0, "kept");
        var before = Y.EncodeStateAsUpdate(doc);

        var hostile = Convert.FromBase64String("AQMEroKAgICAEAQBBHRleHQEYe+/vYQEAQTvv71ixNoEAQQCAVgA");
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(doc, hostile));

        Assert.Equal(before, Y.EncodeStateAsUpdate(doc));
        Assert.Equal("kept", doc.GetText("text").ToString());
    }
}
