using System.Net;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class VersionsIdeasAndFollowUpTests : VersionsTest
{
    private const string Csv =
        "number,title,text,source_group\n" +
        "1,Îlots de fraîcheur,\"Un lieu frais, par quartier\",citoyens\n" +
        "2,Fontaines,Une fontaine à 200 m,agents\n" +
        "3,Climatisation du métro,Climatiser les rames,citoyens\n";

    [Fact]
    public async Task ImportsIdeasPlacesThemAndShowsTheOnesNotYetPlaced()
    {
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "Des îlots de fraîcheur.")));
        var (_, current) = await Observer.GetJsonAsync(Api("versions/current"));
        var clause = current.GetProperty("clauses")[0].GetProperty("id").GetString()!;

        var (imported, body) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("ideas/import"), new { format = "csv", content = Csv });
        Assert.Equal(HttpStatusCode.OK, imported);
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await Facilitator.SendJsonAsync(HttpMethod.Put, Api("ideas/1/disposition"), new { kind = "carried", clauseIds = new[] { clause } })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Facilitator.SendJsonAsync(HttpMethod.Put, Api("ideas/3/disposition"), new { kind = "outside-powers", note = "RATP" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Facilitator.SendJsonAsync(HttpMethod.Put, Api("ideas/2/disposition"), new { kind = "set-aside", reason = " " })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Facilitator.SendJsonAsync(HttpMethod.Put, Api("ideas/9/disposition"), new { kind = "already-done" })).Status);

        var (_, view) = await Observer.GetJsonAsync(Api("ideas"));
        Assert.Equal(2, view.GetProperty("placed").GetInt32());
        Assert.Equal(3, view.GetProperty("total").GetInt32());
        var ideas = view.GetProperty("ideas");
        Assert.Equal([clause], ideas[0].GetProperty("clauseIds").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("citizens", ideas[0].GetProperty("sourceGroup").GetString());
        Assert.False(ideas[1].GetProperty("placed").GetBoolean());
        Assert.Equal("no-disposition", ideas[1].GetProperty("unplacedReason").GetString());
    }

    [Fact]
    public async Task TellsWhichLineOfABadListIsWrong()
    {
        var (status, body) = await Facilitator.SendJsonAsync(HttpMethod.Post, Api("ideas/import"),
            new { format = "markdown", content = "1. **Un** — texte\nune ligne perdue\n" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, body.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task AClerkRecordsCommitmentsDueOneYearAfterAdoptionAndTheExportCarriesThem()
    {
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "Des îlots de fraîcheur.")));
        var (_, current) = await Observer.GetJsonAsync(Api("versions/current"));
        var clause = current.GetProperty("clauses")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await Clerk.SendJsonAsync(HttpMethod.Put, Api("follow-up/adoption"), new { date = "2025-07-08" })).Status);
        var (created, commitment) = await Clerk.SendJsonAsync(HttpMethod.Post, Api("follow-up/commitments"),
            new { clauseId = clause, department = "Direction des espaces verts", action = "Ouvrir 20 îlots" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("2026-07-08", commitment.GetProperty("dueDate").GetString());
        Assert.Equal("planned", commitment.GetProperty("status").GetString());
        var id = commitment.GetProperty("id").GetString();
        var (updated, _) = await Facilitator.SendJsonAsync(HttpMethod.Put, Api($"follow-up/commitments/{id}"),
            new { clauseId = clause, department = "DEVE", action = "Ouvrir 20 îlots", dueDate = "2026-06-30", status = "in-progress" });
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Delete, Api($"follow-up/commitments/{id}"))).Status);

        var (_, review) = await Observer.GetJsonAsync(Api("follow-up"));
        Assert.Equal("2025-07-08", review.GetProperty("adoptedOn").GetString());
        Assert.Equal(1, review.GetProperty("commitments")[0].GetProperty("articleNumber").GetInt32());
        Assert.Equal("in-progress", review.GetProperty("commitments")[0].GetProperty("status").GetString());
        using var md = await Clerk.Http.GetAsync(Api("export?format=md&annex=true")).Bounded();
        var text = await md.Content.ReadAsStringAsync().Bounded();
        Assert.Contains("DEVE", text, StringComparison.Ordinal);
        Assert.Contains("En cours", text, StringComparison.Ordinal);
        Assert.Contains("30 juin 2026", text, StringComparison.Ordinal);
    }
}
