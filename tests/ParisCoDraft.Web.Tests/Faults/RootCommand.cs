using System.Diagnostics;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// Runs a system command the disk faults need (mount, losetup, mkfs, fsck: the tests run as root) and fails
/// loudly, with the command's own answer, when it does not succeed: a fault that cannot be made is a failure, not a skip.
/// </summary>
public static class RootCommand
{
    /// <summary>Runs <paramref name="file"/>; throws unless its exit code is one of <paramref name="ok"/> (default 0).</summary>
    public static string Run(string file, string[] args, params int[] ok)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException("Cannot start " + file);
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(30_000))
        {
            p.Kill();
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not end in 30 s");
        }
        if (!(ok.Length == 0 ? p.ExitCode == 0 : ok.Contains(p.ExitCode)))
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed (exit {p.ExitCode}): {stderr.Result}{stdout} (the disk fault tests mount file systems and need root)");
        }
        return stdout;
    }
}
