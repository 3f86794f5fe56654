using System.Diagnostics;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>Finds node and the repository's node_modules for the tests that run the real JS client.</summary>
public static class NodeJs
{
    /// <summary>The node executable, or null.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>The repository root (holding node_modules and this test project), or null.</summary>
    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary>Why the Node tests cannot run here, or null when they can.</summary>
    public static string? MissingReason =>
        Executable is null ? "node is not on PATH"
        : RepositoryRoot is null ? "node_modules with @microsoft/signalr and yjs not found above the test folder (run npm install)"
        : null;

    /// <summary>Runs a script, returning exit code, stdout and stderr; killed after the bound.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot! };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout.Bounded(), await stderr.Bounded());
    }

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "node_modules", "@microsoft", "signalr")) &&
                Directory.Exists(Path.Combine(dir.FullName, "node_modules", "yjs")) &&
                Directory.Exists(Path.Combine(dir.FullName, "tests", "ParisCoDraft.Web.Tests", "node")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason shown, where node or the npm packages are missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the Node tests cannot run.</summary>
    public NodeFactAttribute()
    {
        if (NodeJs.MissingReason is { } reason) Skip = "Skipped: " + reason;
    }
}
