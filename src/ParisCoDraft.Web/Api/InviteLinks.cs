using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Hosting;

namespace ParisCoDraft.Web.Api;

/// <summary>Invite links: a random secret in the URL, only its hash in the store.</summary>
internal static class InviteLinks
{
    public static (InviteRecord Invite, string Secret) New(string billId, Role role, DateTimeOffset now)
    {
        var secret = Tokens.NewSecret();
        return (new InviteRecord(Tokens.NewId('i'), billId, role.ToWire(), Tokens.Hash(secret), now, null), secret);
    }

    public static string Url(string baseUrl, string secret) => baseUrl.TrimEnd('/') + "/join/" + secret;

    /// <summary>The configured public URL, or the scheme and host the request came to.</summary>
    public static string BaseUrl(HttpRequest request, DraftingOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl) ? $"{request.Scheme}://{request.Host}" : options.PublicUrl;
}
