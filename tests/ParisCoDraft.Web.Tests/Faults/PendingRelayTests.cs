using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// After a refused or lost edit, the same person's next edits are stored but wait (pending) for it, on the
/// server and in every replica they reach. Someone who received such an edit and resyncs relays it in their
/// step 2: it is content the server already holds, not an edit under someone else's client id.
/// </summary>
public sealed class PendingRelayTests : ServerTest
{
    [Fact]
    public async Task AResyncRelayingSomeoneElsesEditStillWaitingForItsPredecessorIsAccepted()
    {
        var bill = await NewBrowser().CreateBillAsync("T");
        var alice = NewBrowser();
        await alice.JoinOkAsync(bill.Invites["citizen"], "Alice");
        var bruno = NewBrowser();
        await bruno.JoinOkAsync(bill.Invites["elected"], "Bruno");
        await using var a = await Peer.JoinAsync(alice, bill.BillId);
        await a.SyncAsync();
        var b = await Peer.JoinAsync(bruno, bill.BillId);
        await b.SyncAsync();

        var first = a.Edit(d => d.GetText("title").Insert(1, "1"));
        var second = a.Edit(d => d.GetText("title").Insert(2, "2"));
        Assert.Null(await a.SendUpdateAsync(second)); // stored, waiting for `first` on the server
        var relayed = await b.Hub.NextCallAsync("Sync");
        b.Apply(relayed[1].GetBytesFromBase64()); // waiting in Bruno's replica too
        b.Edit(d => d.GetText("note").Insert(0, "b")); // and Bruno's own edit, not sent yet

        // Bruno reconnects: his step 2 carries Alice's waiting edit and his own.
        await using (var again = await Peer.RejoinAsync(bruno, b))
        {
            await again.SyncAsync();
        }
        await b.DisposeAsync();
        Assert.Null(await a.SendUpdateAsync(first));

        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using var check = await Peer.JoinAsync(reader, bill.BillId);
        await check.SyncAsync();
        Assert.Equal("T12", check.Title);
        Assert.Equal("b", check.Read(d => d.GetText("note").ToString()));
    }
}
