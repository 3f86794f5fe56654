using System.Net;
using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>
/// Every state-changing endpoint of the app (enumerated from its EndpointDataSource) refuses a request another
/// site's page sent, by its Origin or, without one, by Sec-Fetch-Site; the app's own pages are served.
/// </summary>
public sealed class CrossSiteRequestTests : ServerTest
{
    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task EveryStateChangingEndpointRefusesARequestFromAnotherSite(string? origin, string? fetchSite)
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();
        var unsafeKeys = EndpointCatalog.Keys(Server).Where(EndpointCatalog.IsUnsafe).ToList();
        Assert.Contains("POST /api/join", unsafeKeys);
        Assert.Contains("DELETE /api/bills/{billId}/invites/{inviteId}", unsafeKeys);
        Assert.Contains("* /hubs/bill/negotiate", unsafeKeys);

        var failures = new List<string>();
        foreach (var key in unsafeKeys)
        {
            var (method, pattern) = (key.Split(' ', 2)[0], key.Split(' ', 2)[1]);
            foreach (var verb in method == "*" ? new[] { "POST", "PUT", "DELETE", "PATCH" } : [method])
            {
                var path = Fill(pattern, bill.BillId);
                using var request = new HttpRequestMessage(new HttpMethod(verb), path.TrimStart('/'))
                {
                    Content = new StringContent("{\"role\":\"facilitator\",\"title\":\"x\",\"displayName\":\"x\",\"secret\":\"x\"}",
                        System.Text.Encoding.UTF8, "application/json"),
                };
                if (origin is not null) request.Headers.Add("Origin", origin);
                if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
                using var response = await facilitator.Http.SendAsync(request).Bounded();
                var body = await response.Content.ReadAsStringAsync().Bounded();
                if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("\"cross-site-request\"", StringComparison.Ordinal))
                {
                    failures.Add($"{verb} {path}: {(int)response.StatusCode} {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var (_, invites) = await facilitator.GetJsonAsync($"api/bills/{bill.BillId}/invites");
        Assert.Equal(6, invites.GetArrayLength()); // nothing was created
        Assert.All(invites.EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("revoked").ValueKind));
    }

    [Theory]
    [InlineData(true, "same-origin")]
    [InlineData(true, null)]
    [InlineData(false, "same-origin")]
    [InlineData(false, "none")]
    [InlineData(false, null)]
    public async Task AChangeFromTheAppsOwnPageOrFromAProgramWithoutABrowserIsServed(bool sendOrigin, string? fetchSite)
    {
        var facilitator = NewBrowser();
        var bill = await facilitator.CreateBillAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/bills/{bill.BillId}/invites")
        {
            Content = new StringContent("{\"role\":\"observer\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        if (sendOrigin) request.Headers.Add("Origin", facilitator.Origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);

        using var response = await facilitator.Http.SendAsync(request).Bounded();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task AnOriginListedInTheSettingsIsServed()
    {
        await using var server = await TestServer.StartAsync(Dir.File("listed.db"), new Dictionary<string, string?>
        {
            ["ParisCoDraft:AllowedOrigins:0"] = "https://atelier.paris.example",
        });
        using var browser = new Browser(server.BaseUri);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/bills")
        {
            Content = new StringContent("{\"title\":\"Titre\",\"displayName\":\"Fatou\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://atelier.paris.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await browser.Http.SendAsync(request).Bounded();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static string Fill(string pattern, string billId) => string.Join('/', pattern.Split('/').Select(segment =>
        segment switch
        {
            "{billId}" => billId,
            _ when segment.StartsWith("{number", StringComparison.Ordinal) => "1",
            _ when segment.StartsWith('{') => "x1",
            _ => segment,
        }));
}
