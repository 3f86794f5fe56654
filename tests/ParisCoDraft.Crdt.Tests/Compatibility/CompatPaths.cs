namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Where the repository, node, the yjs reference scripts and the shared traces are.</summary>
internal static class CompatPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string YjsReference => Path.Combine(Root, "tools", "yjs-reference");

    /// <summary>../shared/traces beside the repository (absent on machines without the shared folder).</summary>
    public static string Traces => Path.GetFullPath(Path.Combine(Root, "..", "shared", "traces"));

    /// <summary>node from PATH, after checking that node_modules/yjs is installed; fails loudly otherwise.</summary>
    public static string Node()
    {
        var yjs = Path.Combine(Root, "node_modules", "yjs", "package.json");
        if (!File.Exists(yjs))
        {
            throw new InvalidOperationException(
                $"yjs is not installed ({yjs} missing): run `npm install` at {Root}. The compatibility tests need the real yjs.");
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : new[] { "node" };
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            "node was not found on PATH. The compatibility tests run the real yjs under Node (20+); install Node and `npm install`.");
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ParisCoDraft.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("ParisCoDraft.sln not found above the test binaries");
    }
}
