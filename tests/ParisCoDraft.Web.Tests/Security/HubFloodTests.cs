using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>
/// One participant opening many connections or flooding the hub is throttled: a per-participant connection cap
/// (<c>too-many-connections</c>) and a per-connection message budget (<c>rate-limited</c>, then the connection
/// is closed); the others in the room carry on.
/// </summary>
public sealed class HubFloodTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:Security:ConnectionsPerParticipant"] = "3",
        ["ParisCoDraft:Security:HubMessageBurst"] = "20",
        ["ParisCoDraft:Security:HubMessagesPerSecond"] = "5",
        ["ParisCoDraft:Security:HubRefusalsBeforeClose"] = "50",
    };

    [Fact]
    public async Task OneParticipantCannotHoldMoreConnectionsToABillThanTheCap()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var hubs = new List<HubClient>();
        try
        {
            for (var i = 0; i < 6; i++) hubs.Add(await citizen.OpenHubAsync());

            // All six Joins at once: the places are reserved before any Join does its work.
            var answers = await Task.WhenAll(hubs.Select((h, i) => AnswerAsync(h, "Join", bill.BillId, new long[] { 9100 + i })));

            Assert.Equal(3, answers.Count(a => a == "ok"));
            Assert.Equal(3, answers.Count(a => a == "too-many-connections"));
            var elected = NewBrowser();
            await elected.JoinOkAsync(bill.Invites["elected"], "Bruno");
            await using (var other = await Peer.JoinAsync(elected, bill.BillId)) { } // someone else is not held back

            var joined = hubs[Array.IndexOf(answers, "ok")];
            var refused = hubs[Array.IndexOf(answers, "too-many-connections")];
            await joined.DisposeAsync();
            await Within.UntilAsync(async () => await AnswerAsync(refused, "Join", bill.BillId, new long[] { 9200 }) == "ok",
                what: "a place freed by a closed connection is given to the next Join");
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task AConnectionOverItsMessageBudgetIsRefusedThenClosedWhileTheRoomCarriesOn()
    {
        var bill = await NewBrowser().CreateBillAsync();
        var (writerBrowser, readerBrowser, flooderBrowser) = (NewBrowser(), NewBrowser(), NewBrowser());
        await writerBrowser.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await readerBrowser.JoinOkAsync(bill.Invites["observer"], "Presse");
        await flooderBrowser.JoinOkAsync(bill.Invites["elected"], "Flood");
        await using var writer = await Peer.JoinAsync(writerBrowser, bill.BillId);
        await using var reader = await Peer.JoinAsync(readerBrowser, bill.BillId);
        await writer.SyncAsync();
        await reader.SyncAsync();
        await using var flooder = await Peer.JoinAsync(flooderBrowser, bill.BillId);

        var calls = new List<Task<JsonElement>>();
        for (var i = 0; i < 200 && !flooder.Hub.Closed.IsCompleted; i++)
        {
            try
            {
                calls.Add(await flooder.Hub.SendInvocationAsync("Awareness", bill.BillId, Wire.Awareness((flooder.Doc.ClientId, i + 1, "{}"))));
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException)
            {
                break; // the server closed the line
            }
        }
        await flooder.Hub.Closed.Bounded();
        var answers = new List<string>();
        foreach (var call in calls) answers.Add(await AnswerAsync(call));

        // The burst of 20 less the Join's token (plus what 5 a second brought back meanwhile) went through; then
        // refusals, then the close.
        Assert.InRange(answers.Count(a => a == "ok"), 19, 40);
        Assert.Contains("rate-limited", answers);
        Assert.True(answers.Count(a => a == "rate-limited") <= 50, string.Join(",", answers.GroupBy(a => a).Select(g => $"{g.Key}={g.Count()}")));
        await writer.AppendToTitleAsync(" — suite");
        await reader.ReceiveUntilAsync(p => p.Title.EndsWith(" — suite", StringComparison.Ordinal));
    }

    private static async Task<string> AnswerAsync(HubClient hub, string method, params object?[] args) =>
        await AnswerAsync(hub.InvokeAsync(method, args));

    private static async Task<string> AnswerAsync(Task<JsonElement> call)
    {
        try
        {
            await call.Bounded();
            return "ok";
        }
        catch (HubInvocationException e)
        {
            return e.Code;
        }
        catch (HubClosedException)
        {
            return "closed";
        }
    }
}
