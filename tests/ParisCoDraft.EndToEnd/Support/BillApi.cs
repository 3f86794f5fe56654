using System.Net;
using System.Net.Http.Json;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>Creates bills over the HTTP API, as the index page does.</summary>
public static class BillApi
{
    /// <summary>An invite link as returned at creation.</summary>
    public sealed record Invite(string Id, string Role, string Url);

    /// <summary>The answer to POST /api/bills (the fields these tests use).</summary>
    public sealed record CreatedBill(string BillId, IReadOnlyList<Invite> Invites)
    {
        /// <summary>The invite link for a role (citizen, elected, civil-servant, observer…).</summary>
        public string InviteFor(string role) =>
            Invites.FirstOrDefault(i => i.Role == role)?.Url ?? throw new InvalidOperationException($"no {role} invite in [{string.Join(", ", Invites.Select(i => i.Role))}]");
    }

    /// <summary>Creates a bill as a facilitator named <paramref name="facilitator"/>; bilingual when <paramref name="languages"/> are given.</summary>
    public static async Task<CreatedBill> CreateAsync(Uri baseUri, string title, string facilitator, string[]? languages = null)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(15),
        };
        using var response = await http.PostAsJsonAsync(new Uri("api/bills", UriKind.Relative),
            new { title, preamble = "Les articles ci-dessous sont rédigés ensemble.", displayName = facilitator, languages }).Within().ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CreatedBill>().Within().ConfigureAwait(false)
            ?? throw new InvalidOperationException("empty answer from POST /api/bills");
    }
}
