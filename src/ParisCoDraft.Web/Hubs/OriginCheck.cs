using Microsoft.Extensions.Options;
using ParisCoDraft.Web.Hosting;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// Refuses a hub request whose <c>Origin</c> is neither the app's own host, nor the origin of
/// <see cref="DraftingOptions.PublicUrl"/>, nor in <see cref="DraftingOptions.AllowedOrigins"/>: the session cookie would otherwise let any site a member
/// visits drive the hub in their name (cross-site WebSocket hijacking). Requests without Origin (not from
/// a browser) carry no ambient cookie risk and pass.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptions<DraftingOptions> options, ILogger<OriginCheck> logger)
{
    /// <summary>Runs the check.</summary>
    public Task InvokeAsync(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        var o = options.Value;
        IEnumerable<string> allowed = string.IsNullOrWhiteSpace(o.PublicUrl) || !Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var publicUrl)
            ? o.AllowedOrigins
            : [.. o.AllowedOrigins, publicUrl.GetLeftPart(UriPartial.Authority)];
        if (origin.Length == 0 || IsAllowed(origin, http.Request, allowed)) return next(http);
        HubLog.OriginRefused(logger, origin, http.Request.Host.Value ?? "");
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return http.Response.WriteAsJsonAsync(new { error = "forbidden", message = "This origin may not open the hub." });
    }

    /// <summary>Same host and port as the request, or listed.</summary>
    public static bool IsAllowed(string origin, HttpRequest request, IEnumerable<string> allowList)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        var host = request.Host;
        if (host.HasValue && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        if (host.HasValue && host.Port is null && uri.IsDefaultPort && string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var allowed in allowList)
        {
            if (string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
