using System.Diagnostics;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>Bundles the front end (npm run build, i.e. node wwwroot/build.mjs) so the tests see the current sources.</summary>
public static class FrontEndBuild
{
    /// <summary>Runs esbuild once; throws with its output if it fails.</summary>
    public static async Task RunAsync(TimeSpan timeout)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine("wwwroot", "build.mjs"));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Front-end build failed:\n" + await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }
    }
}
