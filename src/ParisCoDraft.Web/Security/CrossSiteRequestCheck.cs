using Microsoft.Extensions.Options;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Hosting;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// Refuses every state-changing request (any method but GET, HEAD, OPTIONS and TRACE) that a browser sent from
/// another site, before it reaches an endpoint: 403 <c>cross-site-request</c>. The session cookie is ambient,
/// so without this a page elsewhere could post a form or a fetch in a member's name (CSRF).
/// <list type="number">
/// <item>An <c>Origin</c> header must be the app's own (same host and port), the origin of
/// <see cref="DraftingOptions.PublicUrl"/> or one of <see cref="DraftingOptions.AllowedOrigins"/>.</item>
/// <item>Without <c>Origin</c>, <c>Sec-Fetch-Site</c> (sent by every current browser) must be
/// <c>same-origin</c> or <c>none</c> (typed by the user).</item>
/// <item>With neither header the request did not come from a browser page, carries no ambient authority
/// a site could borrow, and passes.</item>
/// </list>
/// The same decision as Go's <c>net/http.CrossOriginProtection</c>; no anti-forgery token is needed, and the
/// front end sends nothing special (docs/security.md).
/// </summary>
public sealed class CrossSiteRequestCheck(RequestDelegate next, IOptions<DraftingOptions> options, ILogger<CrossSiteRequestCheck> logger)
{
    /// <summary>Runs the check.</summary>
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ||
            HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return next(http);
        }
        var origin = request.Headers.Origin.ToString();
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        bool allowed;
        if (origin.Length > 0)
        {
            var o = options.Value;
            IEnumerable<string> listed = string.IsNullOrWhiteSpace(o.PublicUrl) || !Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var publicUrl)
                ? o.AllowedOrigins
                : [.. o.AllowedOrigins, publicUrl.GetLeftPart(UriPartial.Authority)];
            allowed = OriginCheck.IsAllowed(origin, request, listed);
        }
        else
        {
            allowed = fetchSite.Length == 0 || fetchSite is "same-origin" or "none";
        }
        if (allowed) return next(http);

        SecurityLog.CrossSiteRefused(logger, request.Method, request.Path.Value ?? "", origin, fetchSite);
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return http.Response.WriteAsJsonAsync(new ApiError("cross-site-request",
            "This request came from another site: changes are only accepted from the app's own pages."));
    }
}
