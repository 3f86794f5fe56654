namespace ParisCoDraft.Benchmarks;

/// <summary>Finds the repository root (the folder holding ParisCoDraft.sln) and the shared traces.</summary>
public static class RepoPaths
{
    /// <summary>The repository root, searched upwards from the current directory and the binary's folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tools/yjs-reference.</summary>
    public static string YjsReference => Path.Combine(Root, "tools", "yjs-reference");

    /// <summary>../shared/traces next to the repository, if present.</summary>
    public static string Traces => Path.GetFullPath(Path.Combine(Root, "..", "shared", "traces"));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ParisCoDraft.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("ParisCoDraft.sln not found above the current directory");
    }
}
