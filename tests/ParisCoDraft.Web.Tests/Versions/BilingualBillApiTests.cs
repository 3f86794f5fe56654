using System.Net;
using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class BilingualBillApiTests : ServerTest
{
    [Fact]
    public async Task RefusesToCreateABilingualBillWithoutTwoDifferentKnownLanguages()
    {
        var facilitator = NewBrowser();
        foreach (var languages in new[] { new[] { "fr", "fr" }, ["fr", "xx"], ["fr"], ["fr", "en", "de"] })
        {
            var (status, body) = await facilitator.SendJsonAsync(HttpMethod.Post, "api/bills", new { title = "Cours oasis", displayName = "Fatou", languages });

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid-languages", body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task AClerkGetsEachLanguageOfABilingualBillAndBothInOneAkomaNtoso()
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync("Cours oasis", languages: ["fr", "en"]);
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        var clerk = NewBrowser();
        await clerk.JoinOkAsync(bill.Invites["clerk"], "Greffe");
        await using (var peer = await Peer.JoinAsync(citizen, bill.BillId))
        {
            await peer.SyncAsync();
            Assert.Null(await peer.SendUpdateAsync(peer.Edit(doc =>
            {
                var id = BillDocument.AddClause(doc, new ClauseDraft("Ouverture", "Les cours sont ouvertes."));
                ((YText)BillDocument.ClauseMap(doc, id).Get("body.en")!).Insert(0, "Schoolyards are open.");
            })));
        }
        string Api(string path) => $"api/bills/{bill.BillId}/{path}";

        using var fr = await clerk.Http.GetAsync(Api("export?format=md")).Bounded();
        using var en = await clerk.Http.GetAsync(Api("export?format=md&text=en")).Bounded();
        using var wrong = await clerk.Http.GetAsync(Api("export?format=md&text=de")).Bounded();
        using var akn = await clerk.Http.GetAsync(Api("export?format=akn")).Bounded();
        var (textStatus, englishText) = await clerk.GetJsonAsync(Api("versions/current?lang=en"));

        var sha = Assert.Single(fr.Headers.GetValues("X-Bill-Text-Sha256"));
        Assert.Contains("Les cours sont ouvertes.", await fr.Content.ReadAsStringAsync().Bounded(), StringComparison.Ordinal);
        var english = await en.Content.ReadAsStringAsync().Bounded();
        Assert.Contains("Schoolyards are open.", english, StringComparison.Ordinal);
        Assert.Contains(sha, english, StringComparison.Ordinal);
        Assert.Equal("en", Assert.Single(en.Content.Headers.ContentLanguage));
        Assert.EndsWith("-en.md", en.Content.Headers.ContentDisposition!.FileNameStar ?? en.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("invalid-text-language", await wrong.Content.ReadAsStringAsync().Bounded(), StringComparison.Ordinal);
        var xml = await akn.Content.ReadAsStringAsync().Bounded();
        Assert.Contains("<documentCollection name=\"bilingualBill\"", xml, StringComparison.Ordinal);
        Assert.Equal(["fr", "en"], akn.Content.Headers.ContentLanguage);
        Assert.Equal(HttpStatusCode.OK, textStatus);
        Assert.Equal("Schoolyards are open.", englishText.GetProperty("clauses")[0].GetProperty("body").GetString());
        Assert.Equal(sha, englishText.GetProperty("sha256").GetString());
    }
}
