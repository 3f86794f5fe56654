using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>One person's browser: its own cookie jar, HTTP calls to the API, hub connections.</summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClientHandler _handler;

    /// <summary>A browser pointed at the server.</summary>
    public Browser(Uri baseUri)
    {
        BaseUri = baseUri;
        Cookies = new CookieContainer();
        _handler = new HttpClientHandler { CookieContainer = Cookies };
        Http = new HttpClient(_handler) { BaseAddress = baseUri, Timeout = Within.Default };
    }

    /// <summary>The server.</summary>
    public Uri BaseUri { get; }

    /// <summary>The cookie jar.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>HTTP with the jar.</summary>
    public HttpClient Http { get; }

    /// <summary>The server's own origin, as a browser on its pages would send.</summary>
    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Creates a bill as its facilitator (bilingual when <paramref name="languages"/> are given); returns the answer (billId, me, invites).</summary>
    public async Task<CreatedBill> CreateBillAsync(
        string title = "Projet de délibération — test", string displayName = "Fatou (animation)", string? preamble = null, string[]? languages = null)
    {
        using var response = await Http.PostAsJsonAsync("api/bills", new { title, preamble, displayName, languages }).Bounded();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.Fail($"POST /api/bills answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().Bounded()}\n" +
                        string.Join("\n", TestServer.LogLines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)));
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().Bounded();
        var invites = body.GetProperty("invites").EnumerateArray()
            .ToDictionary(i => i.GetProperty("role").GetString()!, i => i.GetProperty("url").GetString()!);
        return new CreatedBill(body.GetProperty("billId").GetString()!, invites, body);
    }

    /// <summary>Opens an invite link the way the join page does: POST /api/join with the link's secret.</summary>
    public async Task<HttpResponseMessage> JoinAsync(string inviteUrl, string displayName)
    {
        var secret = new Uri(inviteUrl).Segments[^1];
        return await Http.PostAsJsonAsync("api/join", new { secret, displayName }).Bounded();
    }

    /// <summary>Joins through a link and returns the answer, failing if it is not 200.</summary>
    public async Task<JsonElement> JoinOkAsync(string inviteUrl, string displayName)
    {
        using var response = await JoinAsync(inviteUrl, displayName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>().Bounded();
    }

    /// <summary>GET returning status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path).Bounded();
        var text = await response.Content.ReadAsStringAsync().Bounded();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Sends JSON with any method, returning status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Http.SendAsync(request).Bounded();
        var text = await response.Content.ReadAsStringAsync().Bounded();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Opens the bill hub with this browser's cookies and (by default) the server's own Origin.</summary>
    public Task<HubClient> OpenHubAsync(string? origin = "") =>
        HubClient.ConnectAsync(BaseUri, Cookies, origin == "" ? Origin : origin);

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}

/// <summary>A bill created through the API.</summary>
public sealed record CreatedBill(string BillId, IReadOnlyDictionary<string, string> Invites, JsonElement Body);
