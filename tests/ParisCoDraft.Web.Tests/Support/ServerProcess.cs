using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// The real server (ParisCoDraft.Web, built next to these tests) in a process of its own, so that it can be
/// killed with SIGKILL mid-write and started again on the same store. Settings are command-line
/// <c>--key=value</c> arguments; the port stays the same across restarts so browsers keep their cookies.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly string[] _settings;
    private Process? _process;

    private ServerProcess(int port, string[] settings)
    {
        Port = port;
        _settings = settings;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>The loopback port, kept across restarts.</summary>
    public int Port { get; }

    /// <summary>Everything the server processes printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The exit code of the last process, once it ended.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Starts a server with these settings (e.g. <c>--ParisCoDraft:Database=/tmp/x.db</c>) and waits until /healthz answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(TimeSpan timeout, params string[] settings)
    {
        var server = new ServerProcess(FreePort(), settings);
        try
        {
            await server.StartAgainAsync(timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts a server and waits until it exits (for settings it must refuse); returns it with its exit code and output.</summary>
    public static async Task<ServerProcess> RunUntilExitAsync(TimeSpan timeout, params string[] settings)
    {
        var server = new ServerProcess(FreePort(), settings);
        server.Launch();
        try
        {
            await server._process!.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException("The server kept running where it should have refused to start. Output:\n" + server.Output);
        }
        return server;
    }

    /// <summary>Starts the server again on the same port and store (after <see cref="Kill"/>) and waits until healthy.</summary>
    public async Task StartAgainAsync(TimeSpan timeout)
    {
        Launch();
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process!.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first answer
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The server did not become healthy in time. Output:\n" + Output);
    }

    /// <summary>SIGKILL: the process ends at once, mid-write if it was writing; nothing of its shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: false); // SIGKILL on Linux
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Append("---- killed with SIGKILL ----");
    }

    /// <summary>SIGTERM: the server shuts down as <c>docker stop</c> or systemd stop it (queued writes drained, the store closed).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Append("---- stopped with SIGTERM ----");
    }

    private void Launch()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ParisCoDraft.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The server was not built next to the tests.", dll);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseUri.GetLeftPart(UriPartial.Authority));
        foreach (var s in _settings) info.ArgumentList.Add(s);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _process?.Dispose();
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (TimeoutException)
        {
            // left to the OS
        }
        _process.Dispose();
        _process = null;
    }
}
