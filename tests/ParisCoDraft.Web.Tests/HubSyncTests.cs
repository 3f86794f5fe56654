using System.Text.Json;
using ParisCoDraft.Web.Hubs;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed class HubSyncTests : ServerTest
{
    [Fact]
    public async Task JoinsSyncsAndBroadcastsAnEditToTheOtherClient()
    {
        var bill = await NewBrowser().CreateBillAsync("Titre initial");
        var camille = NewBrowser();
        await camille.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var elu = NewBrowser();
        await elu.JoinOkAsync(bill.Invites["elected"], "Élu");

        await using var a = await Peer.JoinAsync(camille, bill.BillId);
        await using var b = await Peer.JoinAsync(elu, bill.BillId);
        Assert.Equal("citizen", a.JoinResult.GetProperty("role").GetString());
        Assert.Equal("elected-officials", b.JoinResult.GetProperty("group").GetString());
        await a.SyncAsync();
        await b.SyncAsync();
        Assert.Equal("Titre initial", a.Title);

        await a.AppendToTitleAsync(" — amendé");

        await b.ReceiveUntilAsync(p => p.Title == "Titre initial — amendé");
        Assert.False(a.Hub.TryTakeCall("Sync", out _)); // the author does not get its own edit back
    }

    [Fact]
    public async Task AnswersAStep1WithWhatTheClientLacksOnly()
    {
        var bill = await NewBrowser().CreateBillAsync("Un");
        var browser = NewBrowser();
        await browser.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await using var a = await Peer.JoinAsync(browser, bill.BillId);
        await a.SyncAsync();
        await a.AppendToTitleAsync(" deux");

        await using var again = await Peer.JoinAsync(browser, bill.BillId);
        again.Apply(Wire.Sync(Wire.Update, ParisCoDraft.Crdt.Y.EncodeStateAsUpdate(a.Doc)));
        var step2 = await again.Hub.InvokeBytesAsync("Sync", bill.BillId, Wire.Sync(Wire.Step1, ParisCoDraft.Crdt.Y.EncodeStateVector(again.Doc)));

        var info = ParisCoDraft.Crdt.Y.ReadUpdateInfo(Wire.ReadSync(step2!).Payload);
        Assert.Empty(info.Structs);
    }

    [Fact]
    public async Task RelaysAwarenessWithTheServersOwnUserAndOnlyTheCallersClientIds()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var camille = NewBrowser();
        await camille.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var observer = NewBrowser();
        await observer.JoinOkAsync(bill.Invites["observer"], "Presse");
        await using var a = await Peer.JoinAsync(camille, bill.BillId);
        await using var b = await Peer.JoinAsync(observer, bill.BillId);

        var update = Wire.Awareness(
            (a.Doc.ClientId, 1, """{"user":{"name":"Le Maire","role":"facilitator"},"cursor":{"anchor":3}}"""),
            (b.Doc.ClientId, 7, """{"user":{"name":"usurpé"}}"""));
        await a.Hub.InvokeAsync("Awareness", bill.BillId, update);

        var call = await b.Hub.NextCallAsync("Awareness");
        var entries = Wire.ReadAwareness(call[1].GetBytesFromBase64());
        var (client, clock, json) = Assert.Single(entries);
        Assert.Equal(a.Doc.ClientId, client);
        Assert.Equal(1, clock);
        var state = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Camille", state.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("citizen", state.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("citizens", state.GetProperty("user").GetProperty("group").GetString());
        Assert.StartsWith("#", state.GetProperty("user").GetProperty("color").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, state.GetProperty("cursor").GetProperty("anchor").GetInt32());

        // A late joiner gets the states already there; a leaver's states are removed for the others.
        await using var late = await Peer.JoinAsync(observer, bill.BillId);
        var known = Wire.ReadAwareness((await late.Hub.NextCallAsync("Awareness"))[1].GetBytesFromBase64());
        Assert.Equal(a.Doc.ClientId, Assert.Single(known).Client);
        await a.DisposeAsync();
        var removal = Wire.ReadAwareness((await b.Hub.NextCallAsync("Awareness"))[1].GetBytesFromBase64());
        Assert.Equal((a.Doc.ClientId, 2L, "null"), Assert.Single(removal));
    }

    [Fact]
    public async Task RelaysManyRapidAwarenessUpdatesAsFewerMessagesEndingWithTheLastState()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var camille = NewBrowser();
        await camille.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var observer = NewBrowser();
        await observer.JoinOkAsync(bill.Invites["observer"], "Presse");
        await using var a = await Peer.JoinAsync(camille, bill.BillId);
        await using var b = await Peer.JoinAsync(observer, bill.BillId);

        // Cursor moves as fast as the connection carries them: one update per keystroke.
        const int moves = 60;
        var sends = new List<Task>();
        for (var clock = 1; clock <= moves; clock++)
        {
            sends.Add(a.Hub.InvokeAsync("Awareness", bill.BillId,
                Wire.Awareness((a.Doc.ClientId, clock, "{\"cursor\":{\"anchor\":" + clock.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}"))));
        }
        await Task.WhenAll(sends).Bounded();

        var messages = 0;
        (long Client, long Clock, string Json) last = default;
        while (last.Clock < moves)
        {
            var entries = Wire.ReadAwareness((await b.Hub.NextCallAsync("Awareness"))[1].GetBytesFromBase64());
            messages++;
            last = Assert.Single(entries);
            Assert.Equal(a.Doc.ClientId, last.Client);
        }
        Assert.True(messages < moves / 2, $"{moves} moves arrived as {messages} messages");
        var state = JsonDocument.Parse(last.Json!).RootElement;
        Assert.Equal(moves, state.GetProperty("cursor").GetProperty("anchor").GetInt32());
        Assert.Equal("Camille", state.GetProperty("user").GetProperty("name").GetString());

        // Nothing older trails behind the last state, and the mover is not sent its own cursor.
        await Task.Delay(BillHub.AwarenessBatchMilliseconds * 3);
        Assert.False(b.Hub.TryTakeCall("Awareness", out _));
        Assert.False(a.Hub.TryTakeCall("Awareness", out _));
    }

    [Fact]
    public async Task AStateRemovedBeforeItsBatchLeavesTheOthersWithTheRemoval()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var camille = NewBrowser();
        await camille.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var observer = NewBrowser();
        await observer.JoinOkAsync(bill.Invites["observer"], "Presse");
        await using var a = await Peer.JoinAsync(camille, bill.BillId);
        await using var b = await Peer.JoinAsync(observer, bill.BillId);

        await a.Hub.InvokeAsync("Awareness", bill.BillId, Wire.Awareness((a.Doc.ClientId, 1, """{"cursor":{"anchor":1}}""")));
        await a.Hub.InvokeAsync("Awareness", bill.BillId, Wire.Awareness((a.Doc.ClientId, 2, "null")));

        // Whatever order the removal and a batch arrive in, the highest clock is the removal.
        var seen = new List<(long Client, long Clock, string Json)>();
        seen.AddRange(Wire.ReadAwareness((await b.Hub.NextCallAsync("Awareness"))[1].GetBytesFromBase64()));
        await Task.Delay(BillHub.AwarenessBatchMilliseconds * 3);
        while (b.Hub.TryTakeCall("Awareness", out var call)) seen.AddRange(Wire.ReadAwareness(call[1].GetBytesFromBase64()));
        Assert.Equal((a.Doc.ClientId, 2L, "null"), seen.MaxBy(e => e.Clock));
        Assert.Contains(seen, e => e == (a.Doc.ClientId, 2L, "null"));
    }
}
