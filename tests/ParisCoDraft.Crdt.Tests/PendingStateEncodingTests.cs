namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// The state of a document with pending structs is encoded with every client once: the main part (clients in
/// descending order) and the pending part are merged, and the merge only joins a client's sections when every
/// input lists its clients in descending order, as yjs writes them.
/// </summary>
public sealed class PendingStateEncodingTests
{
    [Fact]
    public void EncodesEachClientOnceWhenALowerClientBecamePendingBeforeAHigherOne()
    {
        var high = Builders.NewDoc(7);
        var highUpdates = Capture(high);
        high.GetText("t").Insert(0, "ab");
        high.GetText("t").Insert(2, "c");
        high.GetText("t").Insert(3, "d");
        var low = Builders.NewDoc(3);
        var lowUpdates = Capture(low);
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

    private static List<byte[]> Capture(Doc doc)
    {
        var updates = new List<byte[]>();
        doc.Updated += (_, e) => updates.Add(e.Update);
        return updates;
    }
}
