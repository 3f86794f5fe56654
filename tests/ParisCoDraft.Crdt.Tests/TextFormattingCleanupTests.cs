namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// Formatting cleanup runs only after remote changes, so a replica keeps the formatting items its own
/// transactions leave, while a fresh doc applying the same updates (all remote) cleans some of them up.
/// Both are yjs 13.6.33's behaviour; the differential sessions once reported it as a divergence
/// (CSharpOnly seed 196743959, Mixed seed 967410918).
/// </summary>
public sealed class TextFormattingCleanupTests
{
    // The same steps in yjs 13.6.33 (node, from the repository root):
    //   import * as Y from 'yjs'
    //   const mk = (id) => { const d = new Y.Doc(); d.clientID = id; d.getText('text'); return d }
    //   const a = mk(398), b = mk(100), aOut = [], bOut = [], aHistory = []
    //   a.on('update', (u, o, d, tr) => { if (tr.local) { aOut.push(u); aHistory.push(u) } })
    //   b.on('update', (u, o, d, tr) => { if (tr.local) bOut.push(u) })
    //   const receive = (u) => { aHistory.push(u); Y.applyUpdate(a, u, 'remote') }
    //   const ta = a.getText('text'), tb = b.getText('text')
    //   tb.insert(0, 'é'); receive(bOut.shift())
    //   ta.format(0, 1, { color: '#c00' })          // b does not see this yet
    //   tb.delete(0, 1); receive(bOut.shift())      // a's cleanup deletes {color:'#c00'}, keeps {color:null}
    //   ta.insert(0, 'y'); ta.insert(1, 'w', { italic: true })
    //   tb.insert(0, 'x'); receive(bOut.shift())
    //   ta.toDelta()            -> [{"insert":"x"},{"insert":"y"},{"insert":"w","attributes":{"italic":true}}]
    //   aOut[1] (the cleanup)   -> AAGOAwEAAQ==
    //   Y.encodeStateAsUpdate(a) -> AgaOAwBBZAABhmQABWNvbG9yBG51bGyEjgMBAXmGjgMCBml0YWxpYwR0cnVlhI4DAwF3ho4DBAZpdGFsaWMEbnVsbAJkAAEBBHRleHQBhGQAAXgCjgMBAAFkAQAB
    //   a fresh doc applying aHistory in order -> [{"insert":"xy"},{"insert":"w","attributes":{"italic":true}}]
    //   b after receiving all of aOut          -> same delta as a (b sends nothing more)
    [Fact]
    public void AReplicaKeepsTheNullFormatItsOwnEditsLeaveWhileAFreshReplayCleansItUpAsYjsDoes()
    {
        var a = Builders.NewDoc(398);
        var b = Builders.NewDoc(100);
        var aOut = new List<byte[]>();
        var bOut = new List<byte[]>();
        var aHistory = new List<byte[]>();
        a.Updated += (_, e) =>
        {
            if (!e.Transaction.Local) return;
            aOut.Add(e.Update);
            aHistory.Add(e.Update);
        };
        b.Updated += (_, e) =>
        {
            if (e.Transaction.Local) bOut.Add(e.Update);
        };
        var ta = a.GetText("text");
        var tb = b.GetText("text");
        void ReceiveFromB()
        {
            var u = bOut[0];
            bOut.RemoveAt(0);
            aHistory.Add(u);
            Y.ApplyUpdate(a, u, "remote");
        }

        tb.Insert(0, "é");
        ReceiveFromB();
        ta.Format(0, 1, Builders.Attrs(("color", "#c00")));
        tb.Delete(0, 1);
        ReceiveFromB();
        Assert.Equal(2, aOut.Count);
        Assert.Equal("AAGOAwEAAQ==", Convert.ToBase64String(aOut[1]));
        ta.Insert(0, "y");
        ta.Insert(1, "w", Builders.Attrs(("italic", true)));
        tb.Insert(0, "x");
        ReceiveFromB();

        const string live = "[{\"insert\":\"x\"},{\"insert\":\"y\"},{\"insert\":\"w\",\"attributes\":{\"italic\":true}}]";
        Assert.Equal(live, Builders.DeltaJson(ta.ToDelta()));
        Assert.Equal(
            "AgaOAwBBZAABhmQABWNvbG9yBG51bGyEjgMBAXmGjgMCBml0YWxpYwR0cnVlhI4DAwF3ho4DBAZpdGFsaWMEbnVsbAJkAAEBBHRleHQBhGQAAXgCjgMBAAFkAQAB",
            Convert.ToBase64String(Y.EncodeStateAsUpdate(a)));

        var fresh = Builders.NewDoc(1);
        var freshText = fresh.GetText("text");
        foreach (var u in aHistory) Y.ApplyUpdate(fresh, u);
        Assert.Equal("[{\"insert\":\"xy\"},{\"insert\":\"w\",\"attributes\":{\"italic\":true}}]", Builders.DeltaJson(freshText.ToDelta()));

        foreach (var u in aOut) Y.ApplyUpdate(b, u, "remote");
        Assert.Empty(bOut);
        Assert.Equal(live, Builders.DeltaJson(tb.ToDelta()));
    }
}
