namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Which link targets an export keeps: absolute http, https and mailto URLs only. Relative links point
/// nowhere once the file leaves the site, and any other scheme (javascript:, data:, file:, vbscript:, a
/// Word field's own schemes) could do something when clicked, so their text is kept without the link.
/// </summary>
internal static class ExportLinks
{
    /// <summary>The normalised absolute URL of <paramref name="url"/>, or null when it must not be a link.</summary>
    public static string? Target(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        foreach (var c in url)
        {
            // Browsers drop control characters and spaces inside a scheme ("java\tscript:"); refuse them outright.
            if (c <= ' ' || c == '\u007f' || c is '"' or '<' or '>' or '\\') return null;
        }
        // On Unix "/docs/a" parses as an absolute file: URI; the scheme check below refuses it.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeMailto) return null;
        if (uri.Scheme != Uri.UriSchemeMailto && string.IsNullOrEmpty(uri.Host)) return null;
        return uri.AbsoluteUri;
    }
}
