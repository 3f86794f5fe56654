namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// A real small disk: a tmpfs of a few MiB mounted on a temp folder (the tests run as root), filled up with a
/// filler file to make the disk full, emptied again to free it, or remounted read-only. Unmounted on dispose.
/// </summary>
public sealed class TmpfsDisk : IDisposable
{
    private readonly string _filler;

    private TmpfsDisk(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MiB on a new folder under <paramref name="parent"/>.</summary>
    public static TmpfsDisk Mount(string parent, int megabytes)
    {
        var path = System.IO.Path.Combine(parent, "disk");
        Directory.CreateDirectory(path);
        RootCommand.Run("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path]);
        return new TmpfsDisk(path);
    }

    /// <summary>Writes a filler file until the disk has no byte left.</summary>
    public long Fill()
    {
        var chunk = new byte[16 * 1024];
        long written = 0;
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: full
        }
        // What is left is smaller than a chunk: take it byte by byte.
        try
        {
            while (true)
            {
                file.Write(chunk, 0, 1);
                written++;
            }
        }
        catch (IOException)
        {
        }
        return written;
    }

    /// <summary>Deletes the filler: the disk has room again.</summary>
    public void Free() => File.Delete(_filler);

    /// <summary>
    /// Remounts the whole file system read-only, as an administrator or a failing disk would; the kernel refuses
    /// (EBUSY) while any file on it is open for writing, so only with the server stopped.
    /// </summary>
    public void RemountReadOnly() => RootCommand.Run("mount", ["-o", "remount,ro", Path]);

    /// <summary>Remounts it read-write again.</summary>
    public void RemountReadWrite() => RootCommand.Run("mount", ["-o", "remount,rw", Path]);

    /// <inheritdoc />
    public void Dispose() => RootCommand.Run("umount", ["-l", Path]);
}
