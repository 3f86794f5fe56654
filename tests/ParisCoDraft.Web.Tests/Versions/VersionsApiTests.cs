using System.Net;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class VersionsApiTests : VersionsTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:CompactEvery"] = "2",
        ["ParisCoDraft:IdleUnloadSeconds"] = "0.3",
    };

    private async Task<(string First, string Second)> TwoWorkshopsAsync()
    {
        var w1 = await CreateWorkshopAsync("Atelier 1", "2025-03-01");
        await MoveWorkshopAsync(w1, "open");
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville ouvre vingt îlots de fraîcheur.")));
        var closed1 = await MoveWorkshopAsync(w1, "close");
        var w2 = await CreateWorkshopAsync("Atelier 2", "2025-04-01");
        await MoveWorkshopAsync(w2, "open");
        await EditAsync(CivilServant, d =>
        {
            var body = (YText)BillDocument.ClauseMap(d, ClauseId(d, 1)).Get("body")!;
            var at = body.ToString().IndexOf("vingt", StringComparison.Ordinal);
            body.Delete(at, 5);
            body.Insert(at, "trente");
        });
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Fontaines", "Une fontaine par quartier.")));
        var closed2 = await MoveWorkshopAsync(w2, "close");
        return (closed1.GetProperty("version").GetProperty("id").GetString()!, closed2.GetProperty("version").GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task ComparesTheLastWorkshopWithThePreviousOneAndSaysWhichGroupDidWhat()
    {
        var (first, second) = await TwoWorkshopsAsync();

        var (status, diff) = await Observer.GetJsonAsync(Api("diff"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first, diff.GetProperty("older").GetProperty("id").GetString());
        Assert.Equal(second, diff.GetProperty("newer").GetProperty("id").GetString());
        Assert.Equal("Civil servants reworded article 1 (2 words); citizens added article 2.", diff.GetProperty("summaryEn").GetString());
        var clauses = diff.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(["text-changed"], clauses[0].GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["civil-servants"], clauses[0].GetProperty("groups").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["added"], clauses[1].GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("<del data-groups=\"civilservants\">vingt</del>", diff.GetProperty("inlineHtml").GetString(), StringComparison.Ordinal);
        Assert.Contains("class=\"diff diff-side\"", diff.GetProperty("sideBySideHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensEachVersionExactlyAsItWasTaken()
    {
        var (first, second) = await TwoWorkshopsAsync();

        var (_, v1) = await Observer.GetJsonAsync(Api($"versions/{first}"));
        var (_, v2) = await Observer.GetJsonAsync(Api($"versions/{second}"));
        var (_, list) = await Observer.GetJsonAsync(Api("versions"));

        Assert.Equal("La Ville ouvre vingt îlots de fraîcheur.", v1.GetProperty("clauses")[0].GetProperty("body").GetString());
        Assert.Equal(1, v1.GetProperty("clauses").GetArrayLength());
        Assert.Equal("La Ville ouvre trente îlots de fraîcheur.", v2.GetProperty("clauses")[0].GetProperty("body").GetString());
        Assert.Equal(v1.GetProperty("sha256").GetString(), v1.GetProperty("version").GetProperty("sha256").GetString());
        Assert.Equal(["workshop-open", "workshop-close", "workshop-open", "workshop-close"],
            list.EnumerateArray().Select(v => v.GetProperty("kind").GetString()));
        Assert.Equal("Fatou (animation)", list[0].GetProperty("takenBy").GetString());
    }

    [Fact]
    public async Task AVersionStillReadsTheSameAfterItsTextIsDeletedCompactedUnloadedAndReloaded()
    {
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "Un texte qui va disparaître.")));
        var (status, taken) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("versions"), new { label = "Avant suppression" });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = taken.GetProperty("id").GetString()!;
        var (_, before) = await Clerk.GetJsonAsync(Api($"versions/{id}"));

        for (var i = 0; i < 3; i++)
        {
            await EditAsync(CivilServant, d =>
            {
                var body = (YText)BillDocument.ClauseMap(d, ClauseId(d, 1)).Get("body")!;
                body.Delete(0, Math.Min(4, body.Length));
            });
        }
        var rooms = Server.Service<DocumentRooms>();
        await Wait.UntilAsync(() => rooms.Count == 0);
        var log = await Server.Service<IDraftingStore>().LoadDocumentAsync(Bill.BillId, CancellationToken.None).Bounded();
        Assert.Empty(log!.Updates); // compacted and unloaded: the next read loads the snapshot alone

        var (_, after) = await Clerk.GetJsonAsync(Api($"versions/{id}"));
        var (_, current) = await Clerk.GetJsonAsync(Api("versions/current"));
        Assert.Equal(before.GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
        Assert.Equal("Un texte qui va disparaître.", after.GetProperty("clauses")[0].GetProperty("body").GetString());
        Assert.NotEqual("Un texte qui va disparaître.", current.GetProperty("clauses")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task RefusesToOpenASecondWorkshopWhileOneIsOpenAndToCloseOneThatIsNot()
    {
        var w1 = await CreateWorkshopAsync("Atelier 1", "2025-03-01");
        var w2 = await CreateWorkshopAsync("Atelier 2", "2025-04-01");
        await MoveWorkshopAsync(w1, "open");

        var (openSecond, _) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api($"workshops/{w2}/open"));
        var (closeSecond, _) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api($"workshops/{w2}/close"));
        var (badDate, _) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("workshops"), new { name = "X", date = "1er mars" });

        Assert.Equal(HttpStatusCode.Conflict, openSecond);
        Assert.Equal(HttpStatusCode.Conflict, closeSecond);
        Assert.Equal(HttpStatusCode.BadRequest, badDate);
    }
}
