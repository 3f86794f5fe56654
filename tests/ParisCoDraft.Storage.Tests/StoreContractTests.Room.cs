using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task HybridRoomSeatsLoadAsSavedAndGivingTheFloorMovesItInOneWrite()
    {
        await CreateBillAsync("b1");
        var ct = CancellationToken.None;
        var later = Now.AddSeconds(5);
        var camille = new RoomSeatRecord("b1", "pa", "Camille", "citizen", "remote", Now, null, Now);
        var bruno = new RoomSeatRecord("b1", "pb", "Bruno", "elected", "room", later, null, later);
        await Deliberation.SaveRoomSeatAsync(camille, Audit("b1", "hand.raise"), ct).Bounded();
        await Deliberation.SaveRoomSeatAsync(bruno, Audit("b1", "hand.raise"), ct).Bounded();
        var before = await Deliberation.DeliberationRevisionAsync("b1", ct).Bounded();

        var loaded = await Deliberation.LoadDeliberationAsync("b1", ct).Bounded();
        Assert.Equal([camille, bruno], loaded.Seats);

        var at = Now.AddSeconds(10);
        Assert.True(await Deliberation.GiveFloorAsync("b1", "pa", at, Audit("b1", "floor.give"), ct).Bounded());
        Assert.True(await Deliberation.GiveFloorAsync("b1", "pb", at.AddSeconds(1), Audit("b1", "floor.give"), ct).Bounded());
        var seats = (await Deliberation.LoadDeliberationAsync("b1", ct).Bounded()).Seats!;
        Assert.Equal(camille with { HandRaisedAt = null, FloorAt = null, Updated = at.AddSeconds(1) }, seats.Single(s => s.ParticipantId == "pa"));
        Assert.Equal(bruno with { HandRaisedAt = null, FloorAt = at.AddSeconds(1), Updated = at.AddSeconds(1) }, seats.Single(s => s.ParticipantId == "pb"));

        Assert.True(await Deliberation.GiveFloorAsync("b1", null, at.AddSeconds(2), Audit("b1", "floor.clear"), ct).Bounded());
        Assert.All((await Deliberation.LoadDeliberationAsync("b1", ct).Bounded()).Seats!, s => Assert.Null(s.FloorAt));
        // Taking back a floor nobody has changes nothing and writes no audit line.
        Assert.False(await Deliberation.GiveFloorAsync("b1", null, at.AddSeconds(3), Audit("b1", "floor.clear"), ct).Bounded());
        Assert.Equal(before + 3, await Deliberation.DeliberationRevisionAsync("b1", ct).Bounded());
        Assert.Equal(["hand.raise", "hand.raise", "floor.give", "floor.give", "floor.clear"],
            (await Store.ListAuditAsync("b1", 50, ct).Bounded()).Select(a => a.Action));
    }
}
