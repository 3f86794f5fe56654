using System.Net;
using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class ClauseAuthorshipApiTests : VersionsTest
{
    private async Task<string> TakeVersionAsync(string label)
    {
        var (status, taken) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("versions"), new { label });
        Assert.Equal(HttpStatusCode.Created, status);
        return taken.GetProperty("id").GetString()!;
    }

    private static JsonElement ClauseIn(JsonElement diff, string clauseId) =>
        diff.GetProperty("clauses").EnumerateArray().Single(c => c.GetProperty("clauseId").GetString() == clauseId);

    [Fact]
    public async Task TheDiffSaysWhoMovedWithdrewAndAddedEachArticle()
    {
        var elected = NewBrowser();
        await elected.JoinOkAsync(Bill.Invites["elected"], "Élise");
        string[] ids = [];
        await EditAsync(Citizen, d =>
        {
            BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville ouvre vingt îlots de fraîcheur."));
            BillDocument.AddClause(d, new ClauseDraft("Horaires", "De 9 h à 19 h."));
            BillDocument.AddClause(d, new ClauseDraft("Suivi", "Un bilan chaque année."));
            ids = [.. BillDocument.Read(d).Clauses.Select(c => c.Id)];
        });
        var v1 = await TakeVersionAsync("Avant l'atelier");

        await EditAsync(elected, d => BillDocument.Move(d, ids[2], null)); // article 3 to the top
        await EditAsync(CivilServant, d => BillDocument.Withdraw(d, ids[1])); // article 2
        string added = "";
        await EditAsync(Citizen, d => added = BillDocument.AddClause(d, new ClauseDraft("Fontaines", "Une fontaine par quartier.")));
        var v2 = await TakeVersionAsync("Après l'atelier");

        var (status, diff) = await Observer.GetJsonAsync(Api($"diff?from={v1}&to={v2}"));

        Assert.Equal(HttpStatusCode.OK, status);
        var moved = ClauseIn(diff, ids[2]).GetProperty("by");
        Assert.Equal("moved", moved.GetProperty("change").GetString());
        Assert.Equal("elected-officials", moved.GetProperty("who").GetString());
        Assert.Equal("elected-officials", moved.GetProperty("group").GetString());
        Assert.Equal("elected", moved.GetProperty("role").GetString());
        Assert.Equal("Élise", moved.GetProperty("name").GetString());
        Assert.Equal(0, moved.GetProperty("others").GetInt32());
        var withdrawn = ClauseIn(diff, ids[1]).GetProperty("by");
        Assert.Equal(("withdrawn", "civil-servants", "Dominique"),
            (withdrawn.GetProperty("change").GetString(), withdrawn.GetProperty("group").GetString(), withdrawn.GetProperty("name").GetString()));
        var creation = ClauseIn(diff, added).GetProperty("by");
        Assert.Equal(("added", "citizens", "Camille"),
            (creation.GetProperty("change").GetString(), creation.GetProperty("group").GetString(), creation.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, ClauseIn(diff, ids[0]).GetProperty("by").ValueKind); // only renumbered

        // Existing fields are still there, and the sentence and the HTML say it too.
        Assert.Equal(["withdrawn"], ClauseIn(diff, ids[1]).GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(
            "Elected officials moved article 3 to the top; civil servants withdrew article 2; citizens added article 3.",
            diff.GetProperty("summaryEn").GetString());
        Assert.StartsWith("Les élu·es ont déplacé l'article 3 en tête", diff.GetProperty("summaryFr").GetString(), StringComparison.Ordinal);
        Assert.Contains($"data-clause=\"{ids[2]}\" data-by-change=\"moved\" data-by=\"elected-officials\" data-by-name=\"Élise\"",
            diff.GetProperty("inlineHtml").GetString(), StringComparison.Ordinal);
    }
}
