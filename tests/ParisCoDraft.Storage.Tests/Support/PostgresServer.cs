using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ParisCoDraft.Storage.Tests.Support;

/// <summary>
/// A real, private PostgreSQL for the tests: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free
/// loopback port (its unix socket in the same folder), stopped and deleted on dispose. As root, the server
/// runs as the <c>postgres</c> OS user (PostgreSQL refuses to run as root). The binaries come from Debian's
/// <c>postgresql</c> package, which <c>scripts/test</c> installs (<c>scripts/setup --postgres</c>): when
/// they are missing the tests fail, since that means the setup is broken.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _dir = "";
    private string _bin = "";
    private int _databases;

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _dir = Path.Combine(Path.GetTempPath(), "pcd-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_dir);
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", _dir], asPostgres: false);
        var data = Path.Combine(_dir, "data");
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], asPostgres: true);
        Port = FreePort();
        // fsync off: the tests restart server processes, never the database machine.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c max_connections=200";
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true);
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databases) + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await cmd.ExecuteNonQueryAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        return ConnectionString(name);
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: every connection is cut, the server is down for a moment and comes back on
    /// the same port, as a database restarted by its operator.
    /// </summary>
    public async Task RestartAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-m", "fast", "-w", "-t", "60", "restart"], asPostgres: true);
        // Only this fixture's own pool (used to create databases): the servers under test must recover by themselves.
        await using var own = new NpgsqlConnection(ConnectionString("postgres"));
        NpgsqlConnection.ClearPool(own);
    }

    /// <summary>The folder holding initdb, pg_ctl, pg_dump and pg_restore.</summary>
    public string BinDirectory => _bin;

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Port != 0)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "stop"], asPostgres: true);
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (initdb, pg_ctl). The test command installs them: " +
            "run scripts/test, or scripts/setup --postgres (Debian's postgresql package). Missing binaries mean a broken setup.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres && IsRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + file);
        // pg_ctl start leaves the server running with our pipes: read until exit, not until end of stream.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            var err = await stderr.WaitAsync(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {err}");
        }
    }
}
