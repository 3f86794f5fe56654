using System.Net;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Versions;

public sealed class VersionsPermissionTests : VersionsTest
{
    [Fact]
    public async Task AParticipantCannotRunWorkshopsTakeVersionsOrPlaceIdeas()
    {
        var w = await CreateWorkshopAsync("Atelier 1", "2025-03-01");

        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Post, Api("workshops"), new { name = "X", date = "2025-01-01" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Post, Api($"workshops/{w}/open"))).Status);
        await MoveWorkshopAsync(w, "open");
        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Post, Api($"workshops/{w}/close"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Clerk.SendJsonAsync(HttpMethod.Post, Api($"workshops/{w}/close"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Post, Api("versions"), new { label = "v" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Citizen.SendJsonAsync(HttpMethod.Post, Api("ideas/import"), new { format = "csv", content = "number,title,text,source_group\n1,a,b," })).Status);
        var (_, workshops) = await Observer.GetJsonAsync(Api("workshops"));
        Assert.Equal("open", workshops[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task AnObserverReadsWorkshopsVersionsDiffsIdeasAndFollowUpButExportsNothing()
    {
        var w = await CreateWorkshopAsync("Atelier 1", "2025-03-01");
        await MoveWorkshopAsync(w, "open");
        await MoveWorkshopAsync(w, "close");

        foreach (var path in new[] { "workshops", "versions", "versions/current", "diff", "ideas", "follow-up" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Observer.GetJsonAsync(Api(path))).Status);
        }
        using var export = await Observer.Http.GetAsync(Api("export?format=md")).Bounded();
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        using var citizenExport = await Citizen.Http.GetAsync(Api("export?format=docx")).Bounded();
        Assert.Equal(HttpStatusCode.Forbidden, citizenExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Observer.SendJsonAsync(HttpMethod.Post, Api("follow-up/commitments"), new { clauseId = "x" })).Status);
    }

    [Fact]
    public async Task SomeoneWithoutASessionGetsNothing()
    {
        using var stranger = new Browser(Server.BaseUri);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetJsonAsync(Api("versions"))).Status);
        using var export = await stranger.Http.GetAsync(Api("export?format=html")).Bounded();
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }

    [Theory]
    [InlineData("md", "text/markdown", ".md")]
    [InlineData("html", "text/html", ".html")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData("akn", "application/akn+xml", ".akn.xml")]
    public async Task AClerkDownloadsEachFormatOfAVersionWithItsFileName(string format, string contentType, string extension)
    {
        await EditAsync(Citizen, d => BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville ouvre des îlots <script>alert(1)</script>.")));
        var w = await CreateWorkshopAsync("Atelier 1", "2025-03-01");
        await MoveWorkshopAsync(w, "open");
        var closed = await MoveWorkshopAsync(w, "close");
        var version = closed.GetProperty("version");

        using var response = await Clerk.Http.GetAsync(Api($"export?format={format}&version={version.GetProperty("id").GetString()}&annex=true")).Bounded();
        var bytes = await response.Content.ReadAsByteArrayAsync().Bounded();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"pariscodraft-{Bill.BillId}-v2-annexe{extension}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(version.GetProperty("sha256").GetString(), response.Headers.GetValues("X-Bill-Text-Sha256").Single());
        if (format != "docx")
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains(version.GetProperty("sha256").GetString()!, text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?<!\\)<script>", text); // escaped or encoded, never markup
            Assert.Contains("Atelier 1", text, StringComparison.Ordinal); // the workshops annex
        }
        else
        {
            Assert.Equal((byte)'P', bytes[0]); // a zip package
        }
    }

    [Fact]
    public async Task RefusesAnUnknownFormatOrVersion()
    {
        using var badFormat = await Clerk.Http.GetAsync(Api("export?format=pdf")).Bounded();
        using var badVersion = await Clerk.Http.GetAsync(Api("export?format=md&version=vnope")).Bounded();

        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badVersion.StatusCode);
    }
}
