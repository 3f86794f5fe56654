namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// The state of a document with pending structs is encoded with every client once: its main part and its pending
/// part both list their clients in descending order, as yjs writes them, because the merge joins the sections of
/// one client only in that order. The merge puts any input in that order first, and keeps the first of two inputs
/// holding the same structs, as yjs does (docs/reliability.md, "An update with a client twice").
/// </summary>
public sealed class PendingStateEncodingTests
{
    [Fact]
    public void EncodesEachClientOnceWhenALowerClientBecamePendingBeforeAHigherOne()
    {
        var high = Builders.NewDoc(7);
        var highUpdates = Builders.RecordUpdates(high);
        high.GetText("t").Insert(0, "ab");
        high.GetText("t").Insert(2, "c");
        high.GetText("t").Insert(3, "d");
        var low = Builders.NewDoc(3);
        var lowUpdates = Builders.RecordUpdates(low);
        low.GetText("t").Insert(0, "x");
        low.GetText("t").Insert(1, "y");

        var doc = Builders.NewDoc(1);
        Y.ApplyUpdate(doc, highUpdates[0]);
        // Client 3 becomes pending first, then client 7 (which also has integrated structs): the pending
        // structs are kept in that order, lowest client first.
        Y.ApplyUpdate(doc, lowUpdates[1]);
        Y.ApplyUpdate(doc, highUpdates[2]);
        Assert.Equal(2, doc.PendingStructCount);

        var state = Y.EncodeStateAsUpdate(doc);

        var info = Y.ReadUpdateInfo(state);
        Assert.Equal([7L, 7L, 7L, 3L], info.Structs.Select(s => s.Client));
        var fresh = Builders.NewDoc(2);
        Y.ApplyUpdate(fresh, state);
        Y.ApplyUpdate(fresh, lowUpdates[0]);
        Y.ApplyUpdate(fresh, highUpdates[1]);
        Assert.False(fresh.HasPending);
        Assert.Equal(high.GetText("t").ToString().Length + 2, fresh.GetText("t").ToString().Length);
    }

    [Fact]
    public void MergesAnUpdateListingItsClientsInAscendingOrderAsIfTheyWereDescending()
    {
        var high = Builders.NewDoc(7);
        var highUpdates = Builders.RecordUpdates(high);
        high.GetText("t").Insert(0, "ab");
        high.GetText("t").Insert(2, "c");
        var low = Builders.NewDoc(3);
        var lowUpdates = Builders.RecordUpdates(low);
        low.GetText("t").Insert(0, "x");
        var both = UpdateDecoder.Decode(Y.MergeUpdates([highUpdates[1], lowUpdates[0]])).Clients;
        Assert.Equal([7L, 3L], both.Select(c => c.Key));
        // The decoder accepts any order of clients (so does yjs's); yjs never writes this one.
        var ascending = UpdateMerger.WriteLists([both[1], both[0]], new DeleteSet());
        var descending = UpdateMerger.WriteLists([both[0], both[1]], new DeleteSet());

        var merged = Y.MergeUpdates([highUpdates[0], ascending]);

        Assert.Equal(descending.Length, ascending.Length);
        Assert.Equal(Y.MergeUpdates([highUpdates[0], descending]), merged);
        Assert.Equal([7L, 7L, 3L], Y.ReadUpdateInfo(merged).Structs.Select(s => s.Client));
    }

    [Fact]
    public void MergesAnUpdateListingManyClientsInAscendingOrderAsIfTheyWereDescending()
    {
        var ascending = new List<KeyValuePair<long, List<AbstractStruct>>>();
        for (long client = 1; client <= 40; client++) ascending.Add(new(client, [new GcStruct(client, 0, 1)]));
        var descending = ascending.AsEnumerable().Reverse().ToList();
        var later = UpdateMerger.WriteLists([new(20, [new GcStruct(20, 1, 2)])], new DeleteSet());

        var merged = Y.MergeUpdates([UpdateMerger.WriteLists(ascending, new DeleteSet()), later]);

        Assert.Equal(Y.MergeUpdates([UpdateMerger.WriteLists(descending, new DeleteSet()), later]), merged);
        var structs = Y.ReadUpdateInfo(merged).Structs;
        Assert.Equal(Enumerable.Range(1, 40).Reverse().Select(c => (long)c), structs.Select(s => s.Client));
        Assert.Equal(3, structs.Single(s => s.Client == 20).Length);
    }

    // yjs 13.6.33 (node, from the repository root):
    //   import * as Y from 'yjs'
    //   const mk = (id) => { const d = new Y.Doc(); d.clientID = id; return d }
    //   const last = (d, f) => { let u; const h = (x) => { u = x }; d.on('update', h); f(); d.off('update', h); return u }
    //   const a = mk(1), b = mk(2), c = mk(3)
    //   const ua = last(a, () => a.getText('t').insert(0, 'abc'))   // AQEBAAQBAXQDYWJjAA==
    //   Y.applyUpdate(b, ua); b.getText('t').delete(1, 1)
    //   const sb = Y.encodeStateAsUpdate(b)                          // AQMBAAQBAXQBYYEBAAGEAQEBYwEBAQEB ("b" as deleted content)
    //   const uc = last(c, () => c.getText('t').insert(0, 'z'))     // AQEDAAQBAXQBegA=
    //   Y.mergeUpdates([sb, ua, uc])   -> AgEDAAQBAXQBegMBAAQBAXQBYYEBAAGEAQEBYwEBAQEB
    //   Y.mergeUpdates([ua, sb, uc])   -> AgEDAAQBAXQBegEBAAQBAXQDYWJjAQEBAQE=
    [Theory]
    [InlineData("AQMBAAQBAXQBYYEBAAGEAQEBYwEBAQEB", "AQEBAAQBAXQDYWJjAA==", "AgEDAAQBAXQBegMBAAQBAXQBYYEBAAGEAQEBYwEBAQEB")]
    [InlineData("AQEBAAQBAXQDYWJjAA==", "AQMBAAQBAXQBYYEBAAGEAQEBYwEBAQEB", "AgEDAAQBAXQBegEBAAQBAXQDYWJjAQEBAQE=")]
    public void KeepsTheFirstOfTwoUpdatesHoldingTheSameStructsAsYjsDoes(string first, string second, string yjsMerged)
    {
        var merged = Y.MergeUpdates([Convert.FromBase64String(first), Convert.FromBase64String(second), Convert.FromBase64String("AQEDAAQBAXQBegA=")]);

        Assert.Equal(yjsMerged, Convert.ToBase64String(merged));
    }

    // Client 300's clocks 0-1 as a GC struct (from a document that deleted and collected them) and as an item
    // (from one that has not): yjs's comparator puts each before the other, so which is written is V8's sort's
    // choice (node 22, yjs 13.6.33; PendingEncodingPropertyTests met these inputs):
    //   const gc = 'AQGsAgAAAgLwogQBAgOsAgEAAg==', item = 'AQGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AA==', other = 'AQEDAAQBAXQBegA='
    //   Y.mergeUpdates([gc, item])         -> AQGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AvCiBAECA6wCAQAC
    //   Y.mergeUpdates([item, gc])         -> AQGsAgAAAgLwogQBAgOsAgEAAg==
    //   Y.mergeUpdates([gc, item, other])  -> AgGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AQMABAEBdAF6AvCiBAECA6wCAQAC
    //   Y.mergeUpdates([item, gc, other])  -> AgGsAgAAAgEDAAQBAXQBegLwogQBAgOsAgEAAg==
    [Theory]
    [InlineData("gc item", "AQGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AvCiBAECA6wCAQAC")]
    [InlineData("item gc", "AQGsAgAAAgLwogQBAgOsAgEAAg==")]
    [InlineData("gc item other", "AgGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AQMABAEBdAF6AvCiBAECA6wCAQAC")]
    [InlineData("item gc other", "AgGsAgAAAgEDAAQBAXQBegLwogQBAgOsAgEAAg==")]
    public void PicksBetweenAGcStructAndAnItemAtTheSameClockAsYjsUnderNode(string order, string yjsMerged)
    {
        var inputs = new Dictionary<string, string>
        {
            ["gc"] = "AQGsAgAAAgLwogQBAgOsAgEAAg==",
            ["item"] = "AQGsAgCI8KIEAwJ3A3Y0MnUCfQF3BXljemJ5AA==",
            ["other"] = "AQEDAAQBAXQBegA=",
        };

        var merged = Y.MergeUpdates(order.Split(' ').Select(name => Convert.FromBase64String(inputs[name])).ToList());

        Assert.Equal(yjsMerged, Convert.ToBase64String(merged));
    }
}
