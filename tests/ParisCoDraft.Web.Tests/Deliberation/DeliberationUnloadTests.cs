using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Web.Tests.Deliberation.DeliberationRoom;

namespace ParisCoDraft.Web.Tests.Deliberation;

/// <summary>A bill's deliberation leaves memory with its idle document room and comes back from the store.</summary>
public sealed class DeliberationUnloadTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.3",
    };

    private int LoadsOf(string billId) =>
        TestServer.LogLines.Count(l => l.Contains($"Deliberation of bill {billId} loaded in", StringComparison.Ordinal));

    [Fact]
    public async Task AfterAnIdleUnloadTheDeliberationIsReloadedIntactAndItsLocksStillHold()
    {
        var room = await DeliberationRoom.OpenAsync(NewBrowser);
        var comment = await Call(room.Citizen, "AddComment", new { clauseId = room.First, body = "Et les cours d'école ?" });
        await Call(room.Elected, "AddComment", new { parentId = comment.GetProperty("id").GetString(), body = "Prévues en 2027." });
        await Call(room.Citizen, "SetStance", new { targetId = room.First, stance = "reservations", reason = "Calendrier flou" });
        await Call(room.Elected, "ProposeAmendment", new { clauseId = room.Second, heading = "Moyens", body = "Un budget annuel de 5 M€ est alloué." });
        await Call(room.Facilitator, "SetAgenda", (object)new[] { new { clauseId = room.First, minutes = 10 }, new { clauseId = room.Second, minutes = 5 } });
        await Call(room.Facilitator, "OpenRound", room.First);
        await Call(room.Facilitator, "LockClause", room.Second, "Chiffrage en cours");
        var before = (await Call(room.Clerk, "GetDeliberation")).GetRawText();
        Assert.Equal(1, LoadsOf(room.BillId));

        await room.DisposeAsync();
        await Within.Until(() => Server.Service<DocumentRooms>().Count == 0, what: "the idle room to be unloaded");

        await using var citizen = await Peer.JoinAsync(room.CitizenBrowser, room.BillId);
        await citizen.SyncAsync();
        var after = (await Call(citizen, "GetDeliberation")).GetRawText();
        Assert.Equal(2, LoadsOf(room.BillId));
        Assert.Equal(before, after);

        var refused = await Assert.ThrowsAsync<HubInvocationException>(
            () => citizen.SendUpdateAsync(EditBody(citizen, room.Second, t => t.Insert(0, "Chaque année, "))));
        Assert.Equal("locked", refused.Code);
        await using var facilitator = await Peer.JoinAsync(room.FacilitatorBrowser, room.BillId);
        Assert.Equal("conflict", await RefusedAsync(facilitator, "OpenRound", room.Second));
    }
}
