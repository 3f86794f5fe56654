using System.Net;
using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Web.Tests.Deliberation.DeliberationRoom;

namespace ParisCoDraft.Web.Tests.Deliberation;

public sealed class HybridRoomHubTests : ServerTest
{
    private Task<DeliberationRoom> RoomAsync() => DeliberationRoom.OpenAsync(NewBrowser);

    private static JsonElement Room(JsonElement session) => session.GetProperty("room");

    private static string[] Names(JsonElement seats) => seats.EnumerateArray().Select(s => s.GetProperty("displayName").GetString() ?? "").ToArray();

    private static JsonElement SeatOf(JsonElement session, string name) =>
        Room(session).GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("displayName").GetString() == name);

    [Fact]
    public async Task ParticipantsSayWhetherTheyAreInTheRoomOrRemoteAndEveryoneIsTold()
    {
        await using var room = await RoomAsync();
        await Call(room.Citizen, "SetAttendance", "remote");
        var told = await room.Facilitator.Hub.NextCallAsync("Session");
        Assert.Equal("remote", SeatOf(told[1], "Camille Citoyenne").GetProperty("attendance").GetString());
        Assert.Equal("citizens", SeatOf(told[1], "Camille Citoyenne").GetProperty("group").GetString());

        await Call(room.Elected, "SetAttendance", "room");
        var session = await Call(room.Observer, "SetAttendance", "room");
        Assert.Equal(["Bruno Élu", "Camille Citoyenne", "Presse"], Names(Room(session).GetProperty("seats")));
        Assert.Equal("invalid-input", await RefusedAsync(room.CivilServant, "SetAttendance", "elsewhere"));

        // Changing one's mind is recorded; the state survives a reload from the store.
        await Call(room.Citizen, "SetAttendance", "room");
        var view = await Call(room.Clerk, "GetDeliberation");
        Assert.Equal("room", SeatOf(view.GetProperty("session"), "Camille Citoyenne").GetProperty("attendance").GetString());
        var (status, audit) = await room.FacilitatorBrowser.GetJsonAsync($"api/bills/{room.BillId}/audit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "attendance.set"));
    }

    [Fact]
    public async Task ParticipantsRaiseTheirOwnHandAndOnlyTheFacilitatorGivesOrTakesBackTheFloor()
    {
        await using var room = await RoomAsync();
        await Call(room.Citizen, "SetAttendance", "remote");
        await Call(room.Citizen, "RaiseHand", true);
        await Call(room.Elected, "RaiseHand", true);
        var session = await Call(room.Citizen, "RaiseHand", true); // raising again keeps one's place
        Assert.Equal(["Camille Citoyenne", "Bruno Élu"], Names(Room(session).GetProperty("hands")));
        Assert.Equal("forbidden", await RefusedAsync(room.Observer, "RaiseHand", true));

        var citizenId = SeatOf(session, "Camille Citoyenne").GetProperty("participantId").GetString();
        var electedId = SeatOf(session, "Bruno Élu").GetProperty("participantId").GetString();
        Assert.Equal("forbidden", await RefusedAsync(room.Elected, "GiveFloor", electedId));
        Assert.Equal("forbidden", await RefusedAsync(room.Clerk, "GiveFloor", citizenId));
        Assert.Equal("hand-not-raised", await RefusedAsync(room.Facilitator, "GiveFloor", "p-nobody"));
        Assert.Equal("no-floor", await RefusedAsync(room.Facilitator, "ClearFloor"));

        session = await Call(room.Facilitator, "GiveFloor", citizenId);
        Assert.Equal(citizenId, Room(session).GetProperty("floor").GetProperty("participantId").GetString());
        Assert.Equal("remote", Room(session).GetProperty("floor").GetProperty("attendance").GetString());
        Assert.Equal(["Bruno Élu"], Names(Room(session).GetProperty("hands")));
        Assert.Equal("hand-not-raised", await RefusedAsync(room.Facilitator, "GiveFloor", citizenId));
        Assert.Equal("forbidden", await RefusedAsync(room.Citizen, "ClearFloor"));

        session = await Call(room.Facilitator, "GiveFloor", electedId);
        Assert.Equal(electedId, Room(session).GetProperty("floor").GetProperty("participantId").GetString());
        Assert.Equal(JsonValueKind.Null, SeatOf(session, "Camille Citoyenne").GetProperty("floorAt").ValueKind);
        Assert.Empty(Names(Room(session).GetProperty("hands")));

        // A participant lowers their own hand; the facilitator takes the floor back.
        await Call(room.CivilServant, "RaiseHand", true);
        session = await Call(room.CivilServant, "RaiseHand", false);
        Assert.Empty(Names(Room(session).GetProperty("hands")));
        session = await Call(room.Facilitator, "ClearFloor");
        Assert.Equal(JsonValueKind.Null, Room(session).GetProperty("floor").ValueKind);

        var (_, audit) = await room.FacilitatorBrowser.GetJsonAsync($"api/bills/{room.BillId}/audit");
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString() ?? "").Where(a => a.StartsWith("hand.", StringComparison.Ordinal) || a.StartsWith("floor.", StringComparison.Ordinal));
        Assert.Equal(["hand.raise", "hand.raise", "floor.give", "floor.give", "hand.raise", "hand.lower", "floor.clear"], actions);
    }
}
