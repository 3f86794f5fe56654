using System.Net;
using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

/// <summary>A bill with a facilitator, a citizen, a civil servant, a clerk and an observer, and helpers to run workshops.</summary>
public abstract class VersionsTest : ServerTest
{
    protected CreatedBill Bill { get; private set; } = null!;
    protected Browser Facilitator { get; private set; } = null!;
    protected Browser Citizen { get; private set; } = null!;
    protected Browser CivilServant { get; private set; } = null!;
    protected Browser Clerk { get; private set; } = null!;
    protected Browser Observer { get; private set; } = null!;

    protected string Api(string path) => $"api/bills/{Bill.BillId}/{path}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Facilitator = NewBrowser();
        Bill = await Facilitator.CreateBillAsync("Îlots de fraîcheur");
        Citizen = await MemberAsync("citizen", "Camille");
        CivilServant = await MemberAsync("civil-servant", "Dominique");
        Clerk = await MemberAsync("clerk", "Greffe");
        Observer = await MemberAsync("observer", "Presse");
    }

    private async Task<Browser> MemberAsync(string role, string name)
    {
        var b = NewBrowser();
        await b.JoinOkAsync(Bill.Invites[role], name);
        return b;
    }

    /// <summary>Joins the hub as <paramref name="browser"/>, syncs, applies <paramref name="edit"/> and waits for the durable ack.</summary>
    protected async Task EditAsync(Browser browser, Action<Doc> edit)
    {
        await using var peer = await Peer.JoinAsync(browser, Bill.BillId);
        await peer.SyncAsync();
        var update = peer.Edit(edit);
        Assert.Null(await peer.SendUpdateAsync(update));
    }

    protected async Task<string> CreateWorkshopAsync(string name, string date)
    {
        var (status, body) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("workshops"), new { name, date, place = "Hôtel de Ville", mode = "hybrid" });
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> MoveWorkshopAsync(string workshopId, string verb)
    {
        var (status, body) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api($"workshops/{workshopId}/{verb}"));
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    protected static string ClauseId(Doc doc, int number) => BillDocument.Read(doc).Clauses[number - 1].Id;
}
