namespace ParisCoDraft.Web.Hosting;

/// <summary>
/// Finds the front end's folder: the configured one, else <c>wwwroot</c> next to the app (Docker, publish),
/// else the repository's <c>wwwroot</c> found walking up from the content root (dotnet run from src/).
/// </summary>
public static class WebRootLocator
{
    /// <summary>The folder to serve, or null when none exists.</summary>
    public static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(full) ? full : null;
        }
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "wwwroot");
                if (File.Exists(Path.Combine(candidate, "index.html")) || File.Exists(Path.Combine(candidate, "bill.html")))
                {
                    return candidate;
                }
            }
        }
        var local = Path.Combine(contentRoot, "wwwroot");
        return Directory.Exists(local) ? local : null;
    }
}
