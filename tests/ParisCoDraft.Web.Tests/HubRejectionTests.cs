using System.Net;
using ParisCoDraft.Crdt;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed class HubRejectionTests : ServerTest
{
    private async Task<(CreatedBill Bill, Browser Citizen)> BillWithCitizenAsync()
    {
        var bill = await NewBrowser().CreateBillAsync("Titre");
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        return (bill, citizen);
    }

    private async Task<string> TitleOnServerAsync(CreatedBill bill)
    {
        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["clerk"], "Greffe");
        await using var peer = await Peer.JoinAsync(reader, bill.BillId);
        await peer.SyncAsync();
        return peer.Title;
    }

    [Fact]
    public async Task RejectsBytesThatAreNotAnUpdate()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        await using var peer = await Peer.JoinAsync(citizen, bill.BillId);

        var bad = await Assert.ThrowsAsync<HubInvocationException>(() => peer.SendUpdateAsync([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
        Assert.Equal("update-malformed", bad.Code);
        var badMessage = await Assert.ThrowsAsync<HubInvocationException>(() => peer.Hub.InvokeBytesAsync("Sync", bill.BillId, new byte[] { 0x07, 0x00 }));
        Assert.Equal("message-malformed", badMessage.Code);
        Assert.Equal("Titre", await TitleOnServerAsync(bill));
    }

    [Fact]
    public async Task RejectsAnUpdateOverTwoMebibytes()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        await using var peer = await Peer.JoinAsync(citizen, bill.BillId);
        var update = peer.Edit(d => d.GetText("title").Insert(0, new string('x', 2 * 1024 * 1024 + 10)));

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => peer.SendUpdateAsync(update));

        Assert.Equal("update-too-large", error.Code);
        Assert.Equal("Titre", await TitleOnServerAsync(bill));
    }

    [Fact]
    public async Task RejectsAWriteFromAnObserver()
    {
        var bill = await NewBrowser().CreateBillAsync("Titre");
        var observer = NewBrowser();
        await observer.JoinOkAsync(bill.Invites["observer"], "Presse");
        await using var peer = await Peer.JoinAsync(observer, bill.BillId);
        await peer.SyncAsync(); // an observer's own step 2 (nothing new) is accepted

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => peer.AppendToTitleAsync(" piraté"));

        Assert.Equal("read-only", error.Code);
        Assert.Equal("Titre", await TitleOnServerAsync(bill));
    }

    [Fact]
    public async Task RejectsContentWrittenUnderAClientIdTheCallerDidNotAnnounce()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        await using var peer = await Peer.JoinAsync(citizen, bill.BillId, clientId: 1111, announce: [2222]);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => peer.AppendToTitleAsync(" usurpé"));

        Assert.Equal("foreign-client", error.Code);
        Assert.Equal("Titre", await TitleOnServerAsync(bill));
    }

    [Fact]
    public async Task RefusesToBindAClientIdAlreadyBoundToSomeoneElse()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        await using var first = await Peer.JoinAsync(citizen, bill.BillId, clientId: 4242);
        var other = NewBrowser();
        await other.JoinOkAsync(bill.Invites["elected"], "Élu");

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => Peer.JoinAsync(other, bill.BillId, clientId: 4242));

        Assert.Equal("foreign-client", error.Code);
    }

    [Fact]
    public async Task RefusesJoinWithoutASessionForAnotherBillAndForAnUnknownBill()
    {
        var (bill, citizen) = await BillWithCitizenAsync();
        var otherBill = await NewBrowser().CreateBillAsync("Autre");
        await using var stranger = await NewBrowser().OpenHubAsync();
        await using var hub = await citizen.OpenHubAsync();

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<HubInvocationException>(() => stranger.InvokeAsync("Join", bill.BillId, new long[] { 1 }))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("Join", otherBill.BillId, new long[] { 1 }))).Code);
        Assert.Equal("unknown-bill", (await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("Join", "bnosuchbill", new long[] { 1 }))).Code);
        Assert.Equal("not-joined", (await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("Sync", bill.BillId, Wire.Sync(Wire.Step1, [0])))).Code);
    }

    [Fact]
    public async Task ClosesTheLiveConnectionWhenItsLinkIsRevoked()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await using var peer = await Peer.JoinAsync(citizen, bill.BillId);
        await peer.SyncAsync();
        var (_, invites) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        var inviteId = invites.EnumerateArray().Single(i => i.GetProperty("role").GetString() == "citizen").GetProperty("id").GetString();

        var (status, body) = await facilitator.SendJsonAsync(HttpMethod.Delete, $"api/bills/{bill.BillId}/invites/{inviteId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("connectionsClosed").GetInt32());
        var revoked = await peer.Hub.NextCallAsync("Revoked");
        Assert.Equal("invite-revoked", revoked[0].GetString());
        await peer.Hub.Closed.Bounded();
        await using var retry = await citizen.OpenHubAsync();
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<HubInvocationException>(() => retry.InvokeAsync("Join", bill.BillId, new long[] { 5 }))).Code);
    }

    [Fact]
    public async Task RefusesAHubConnectionFromAnotherSitesOrigin()
    {
        var (_, citizen) = await BillWithCitizenAsync();
        var error = await Assert.ThrowsAsync<HubConnectException>(() => citizen.OpenHubAsync("https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
    }
}
