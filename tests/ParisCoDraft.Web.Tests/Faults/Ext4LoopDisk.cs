namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// A real ext4 file system on a loop device (an image file under a temp folder), mounted with
/// <c>errors=remount-ro</c> as Debian mounts its root. <see cref="TriggerError"/> makes the kernel record a file
/// system error (<c>/sys/fs/ext4/loopN/trigger_fs_error</c>): ext4 aborts its journal and turns read-only at once,
/// and every write, through files already open too, fails with EROFS, as after a real disk error. Such a file
/// system stays read-only until it is unmounted and checked (<see cref="CheckAndMountAgain"/>): a remount
/// read-write is accepted by mount(8) and ignored by the kernel. Unmounted and detached on dispose.
/// </summary>
public sealed class Ext4LoopDisk : IDisposable
{
    private readonly string _image;
    private readonly string _device;
    private bool _mounted;

    private Ext4LoopDisk(string path, string image, string device)
    {
        Path = path;
        _image = image;
        _device = device;
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>The loop device, e.g. /dev/loop3.</summary>
    public string Device => _device;

    /// <summary>Makes a <paramref name="megabytes"/> MiB ext4 image under <paramref name="parent"/> and mounts it on a loop device.</summary>
    public static Ext4LoopDisk Mount(string parent, int megabytes)
    {
        var image = System.IO.Path.Combine(parent, "ext4.img");
        var path = System.IO.Path.Combine(parent, "ext4");
        Directory.CreateDirectory(path);
        using (var file = new FileStream(image, FileMode.CreateNew)) file.SetLength(megabytes * 1024L * 1024L);
        RootCommand.Run("mkfs.ext4", ["-q", "-F", image]);
        var device = RootCommand.Run("losetup", ["--find", "--show", image]).Trim();
        var disk = new Ext4LoopDisk(path, image, device);
        try
        {
            disk.MountIt();
        }
        catch
        {
            disk.Dispose();
            throw;
        }
        return disk;
    }

    /// <summary>True while the kernel has this file system read-only (its mount options in /proc/mounts).</summary>
    public bool IsReadOnly
    {
        get
        {
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var fields = line.Split(' ');
                if (fields.Length > 3 && fields[1] == Path)
                {
                    var options = fields[3].Split(',');
                    return options.Contains("ro") || options.Contains("emergency_ro");
                }
            }
            throw new InvalidOperationException(Path + " is not mounted");
        }
    }

    /// <summary>A file system error, as the kernel records it on a bad block: ext4 turns read-only (errors=remount-ro).</summary>
    public void TriggerError()
    {
        var trigger = $"/sys/fs/ext4/{System.IO.Path.GetFileName(_device)}/trigger_fs_error";
        if (!File.Exists(trigger)) throw new InvalidOperationException($"{trigger} is missing: this kernel cannot be told to make an ext4 error");
        File.WriteAllText(trigger, "1");
    }

    /// <summary>What an administrator does after the error, with the server stopped: umount, fsck (replays the journal), mount.</summary>
    public void CheckAndMountAgain()
    {
        RootCommand.Run("umount", [Path]);
        _mounted = false;
        // e2fsck: 0 = clean, 1 = errors corrected (the recorded error is one).
        RootCommand.Run("e2fsck", ["-f", "-y", _device], 0, 1);
        MountIt();
    }

    private void MountIt()
    {
        RootCommand.Run("mount", ["-t", "ext4", "-o", "errors=remount-ro", _device, Path]);
        _mounted = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_mounted) RootCommand.Run("umount", ["-l", Path]);
        _mounted = false;
        RootCommand.Run("losetup", ["-d", _device]);
        File.Delete(_image);
    }
}
