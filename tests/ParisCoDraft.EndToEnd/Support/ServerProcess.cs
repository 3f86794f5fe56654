using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>
/// The real server (ParisCoDraft.Web, built next to these tests) in its own process, on a free loopback
/// port, with a fresh SQLite file, serving the repository's wwwroot. Output is kept for failure reports.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string dataDir;

    private ServerProcess(Process process, string dataDir, Uri baseUri)
    {
        this.process = process;
        this.dataDir = dataDir;
        BaseUri = baseUri;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    /// <summary>What the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>Starts the server (with more command-line settings if given) and waits until /healthz answers.</summary>
    public static async Task<ServerProcess> StartAsync(TimeSpan timeout, params string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ParisCoDraft.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The server was not built next to the tests.", dll);
        var port = FreePort();
        var dataDir = Path.Combine(Path.GetTempPath(), "pcd-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add($"--ParisCoDraft:Database={Path.Combine(dataDir, "e2e.db")}");
        info.ArgumentList.Add($"--ParisCoDraft:WebRoot={RepoPaths.WebRoot}");
        foreach (var argument in extraArguments) info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ServerProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first answer
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        var log = server.Output;
        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException("The server did not become healthy in time. Output:\n" + log);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
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
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (TimeoutException)
        {
            // leave it to the OS
        }
        process.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: the temp folder is cleaned by the OS
        }
    }
}
