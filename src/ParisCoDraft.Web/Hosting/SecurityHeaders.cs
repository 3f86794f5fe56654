namespace ParisCoDraft.Web.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that lets the pages run only the app's
/// own scripts and talk only to this server (a name or a comment someone types can never become script),
/// no referrer (invite links hold a secret), no framing, no MIME sniffing. A response that sets its own
/// policy (an exported HTML file, stricter) keeps it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The pages' policy. CodeMirror adds style elements at run time, hence inline styles.</summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers as the response starts.</summary>
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.TryAdd("Content-Security-Policy", PagePolicy);
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            return Task.CompletedTask;
        });
        return next(http);
    }
}
