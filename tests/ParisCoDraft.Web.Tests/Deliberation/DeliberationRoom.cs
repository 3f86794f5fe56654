using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Deliberation;

/// <summary>
/// A bill with two articles and one person per role, each with a joined, synced replica: the facilitator
/// (who created it), a citizen, an elected official, a civil servant, a clerk and an observer.
/// </summary>
internal sealed class DeliberationRoom : IAsyncDisposable
{
    private readonly List<Peer> _peers = [];

    public required CreatedBill Bill { get; init; }
    public required Browser FacilitatorBrowser { get; init; }
    public required Browser ClerkBrowser { get; init; }
    public required Browser CitizenBrowser { get; init; }
    public Peer Facilitator { get; private set; } = null!;
    public Peer Citizen { get; private set; } = null!;
    public Peer Elected { get; private set; } = null!;
    public Peer CivilServant { get; private set; } = null!;
    public Peer Clerk { get; private set; } = null!;
    public Peer Observer { get; private set; } = null!;
    public string First { get; private set; } = "";
    public string Second { get; private set; } = "";

    public string BillId => Bill.BillId;

    public static async Task<DeliberationRoom> OpenAsync(Func<Browser> newBrowser)
    {
        var facilitatorBrowser = newBrowser();
        var bill = await facilitatorBrowser.CreateBillAsync("Îlots de fraîcheur", "Fatou Animatrice");
        var citizenBrowser = newBrowser();
        var clerkBrowser = newBrowser();
        var room = new DeliberationRoom { Bill = bill, FacilitatorBrowser = facilitatorBrowser, ClerkBrowser = clerkBrowser, CitizenBrowser = citizenBrowser };

        room.Facilitator = room.Track(await Peer.JoinAsync(facilitatorBrowser, bill.BillId));
        await room.Facilitator.SyncAsync();
        string first = "", second = "";
        var update = room.Facilitator.Edit(d =>
        {
            first = BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville crée des îlots de fraîcheur dans chaque arrondissement."));
            second = BillDocument.AddClause(d, new ClauseDraft("Moyens", "Un budget annuel est alloué."));
        });
        Assert.Null(await room.Facilitator.SendUpdateAsync(update));
        (room.First, room.Second) = (first, second);

        room.Citizen = await room.JoinAsync(citizenBrowser, bill, "citizen", "Camille Citoyenne");
        room.Elected = await room.JoinAsync(newBrowser(), bill, "elected", "Bruno Élu");
        room.CivilServant = await room.JoinAsync(newBrowser(), bill, "civil-servant", "Chloé Services");
        room.Clerk = await room.JoinAsync(clerkBrowser, bill, "clerk", "Greffe");
        room.Observer = await room.JoinAsync(newBrowser(), bill, "observer", "Presse");
        return room;
    }

    private async Task<Peer> JoinAsync(Browser browser, CreatedBill bill, string role, string name)
    {
        await browser.JoinOkAsync(bill.Invites[role], name);
        var peer = Track(await Peer.JoinAsync(browser, bill.BillId));
        await peer.SyncAsync();
        return peer;
    }

    private Peer Track(Peer peer)
    {
        _peers.Add(peer);
        return peer;
    }

    /// <summary>Invokes a deliberation hub method on the bill.</summary>
    public static Task<JsonElement> Call(Peer peer, string method, params object?[] args) =>
        peer.Hub.InvokeAsync(method, [peer.BillId, .. args]);

    /// <summary>The code of a refused call.</summary>
    public static async Task<string> RefusedAsync(Peer peer, string method, params object?[] args) =>
        (await Assert.ThrowsAsync<HubInvocationException>(() => Call(peer, method, args))).Code;

    /// <summary>Edits a clause's body on a replica and returns the update (not sent).</summary>
    public static byte[] EditBody(Peer peer, string clauseId, Action<YText> edit) =>
        peer.Edit(d => edit((YText)BillDocument.ClauseMap(d, clauseId).Get("body")!));

    /// <summary>The clause text on the server, through a fresh replica of the clerk's browser.</summary>
    public async Task<Clause> ServerClauseAsync(string clauseId)
    {
        await using var reader = await Peer.JoinAsync(ClerkBrowser, BillId);
        await reader.SyncAsync();
        return BillDocument.Read(reader.Doc).Clauses.Single(c => c.Id == clauseId);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _peers) await p.DisposeAsync();
    }
}
