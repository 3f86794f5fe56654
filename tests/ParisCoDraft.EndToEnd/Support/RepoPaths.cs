namespace ParisCoDraft.EndToEnd.Support;

/// <summary>Finds the repository (the folder holding ParisCoDraft.sln) from the test's bin folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The front end's folder, served as the web root.</summary>
    public static string WebRoot => Path.Combine(Root, "wwwroot");

    /// <summary>Where screenshots and other files a person may want to look at are written.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParisCoDraft.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ParisCoDraft.sln not found above " + AppContext.BaseDirectory);
    }
}
