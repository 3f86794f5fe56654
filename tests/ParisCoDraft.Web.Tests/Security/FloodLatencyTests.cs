using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>
/// The others' latency with and without one participant flooding the hub, on the default budget. In the suite
/// it runs a short round (20 edits each way); for the figure of docs/security.md run it longer:
/// <c>PCD_FLOOD_EDITS=200 dotnet test tests/ParisCoDraft.Web.Tests -c Release --filter FullyQualifiedName~FloodLatency
/// --logger "console;verbosity=detailed"</c> prints one JSON line (<c>PCD_FLOOD_UNTHROTTLED=1</c>: the same
/// with the budget lifted, for comparison).
/// </summary>
public sealed class FloodLatencyTests(ITestOutputHelper output) : ServerTest
{
    private static bool Unthrottled => Environment.GetEnvironmentVariable("PCD_FLOOD_UNTHROTTLED") == "1";

    protected override IDictionary<string, string?> Settings => Unthrottled
        ? new Dictionary<string, string?>
        {
            ["ParisCoDraft:Security:HubMessageBurst"] = "100000000",
            ["ParisCoDraft:Security:HubMessagesPerSecond"] = "100000000",
        }
        : new Dictionary<string, string?>();

    [Fact]
    public async Task TheOthersKeepTheirLatencyWhileOneParticipantFloodsTheHub()
    {
        var edits = int.TryParse(Environment.GetEnvironmentVariable("PCD_FLOOD_EDITS"), out var n) && n > 0 ? n : 20;
        var bill = await NewBrowser().CreateBillAsync();
        var (writerBrowser, readerBrowser, flooderBrowser) = (NewBrowser(), NewBrowser(), NewBrowser());
        await writerBrowser.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await readerBrowser.JoinOkAsync(bill.Invites["elected"], "Bruno");
        await flooderBrowser.JoinOkAsync(bill.Invites["civil-servant"], "Flood");
        await using var writer = await Peer.JoinAsync(writerBrowser, bill.BillId);
        await using var reader = await Peer.JoinAsync(readerBrowser, bill.BillId);
        await writer.SyncAsync();
        await reader.SyncAsync();

        var quiet = await MeasureAsync(writer, reader, edits, "q");
        var flood = new Flood();
        using var stop = new CancellationTokenSource();
        var flooding = Task.Run(() => flood.RunAsync(flooderBrowser, bill.BillId, stop.Token));
        await Within.Until(() => Volatile.Read(ref flood.Sent) > 1000, what: "the flood started");
        var watch = Stopwatch.StartNew();
        var flooded = await MeasureAsync(writer, reader, edits, "f");
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await flooding.Bounded(TimeSpan.FromSeconds(30));

        var line = new JsonObject
        {
            ["edits"] = edits,
            ["throttled"] = !Unthrottled,
            ["quietP50Ms"] = Percentile(quiet, 0.5),
            ["quietP95Ms"] = Percentile(quiet, 0.95),
            ["floodP50Ms"] = Percentile(flooded, 0.5),
            ["floodP95Ms"] = Percentile(flooded, 0.95),
            ["p50Ratio"] = Math.Round(Percentile(flooded, 0.5) / Math.Max(0.01, Percentile(quiet, 0.5)), 2),
            ["p95Ratio"] = Math.Round(Percentile(flooded, 0.95) / Math.Max(0.01, Percentile(quiet, 0.95)), 2),
            ["floodMessagesPerSecond"] = Math.Round(Volatile.Read(ref flood.Sent) / Math.Max(0.001, flood.Seconds), 0),
            ["floodAccepted"] = Volatile.Read(ref flood.Accepted),
            ["floodRefused"] = Volatile.Read(ref flood.Refused),
            ["floodConnectionsClosed"] = Volatile.Read(ref flood.Closed),
            ["floodJoinsRefused"] = Volatile.Read(ref flood.JoinsRefused),
            ["measuredSeconds"] = Math.Round(seconds, 1),
            ["loadAverage1m"] = LoadAverage(),
        };
        output.WriteLine(line.ToJsonString());

        Assert.Equal(edits, flooded.Count); // every edit of the others arrived, within the bound
        Assert.True(Volatile.Read(ref flood.Sent) > 1000, line.ToJsonString());
        if (!Unthrottled) Assert.True(Volatile.Read(ref flood.Refused) + Volatile.Read(ref flood.Closed) > 0, line.ToJsonString());
    }

    /// <summary>Time from sending an edit to its arrival at the reader, per edit, in milliseconds.</summary>
    private static async Task<List<double>> MeasureAsync(Peer writer, Peer reader, int edits, string tag)
    {
        var samples = new List<double>(edits);
        for (var i = 0; i < edits; i++)
        {
            var marker = $" {tag}{i}";
            var watch = Stopwatch.StartNew();
            var sent = writer.AppendToTitleAsync(marker);
            await reader.ReceiveUntilAsync(p => p.Title.EndsWith(marker, StringComparison.Ordinal));
            samples.Add(watch.Elapsed.TotalMilliseconds);
            await sent.Bounded();
        }
        return samples;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// One participant sending hub calls as fast as one client can: cursor updates and full-state sync requests
    /// (a step 1 with an empty state vector makes the server encode the whole document), over a fresh
    /// connection each time the server closes one.
    /// </summary>
    private sealed class Flood
    {
        public long Sent;
        public long Accepted;
        public long Refused;
        public long Closed;
        public long JoinsRefused;
        public double Seconds;

        public async Task RunAsync(Browser browser, string billId, CancellationToken stop)
        {
            var watch = Stopwatch.StartNew();
            var clientId = 880_000L;
            while (!stop.IsCancellationRequested)
            {
                await using var hub = await browser.OpenHubAsync();
                try
                {
                    await hub.InvokeAsync("Join", billId, new[] { clientId });
                }
                catch (HubInvocationException)
                {
                    Interlocked.Increment(ref JoinsRefused);
                    await Task.Delay(50, CancellationToken.None);
                    continue;
                }
                var clock = 0;
                try
                {
                    while (!stop.IsCancellationRequested && !hub.Closed.IsCompleted)
                    {
                        var call = ++clock % 2 == 0
                            ? await hub.SendInvocationAsync("Sync", billId, Wire.Sync(Wire.Step1, [0]))
                            : await hub.SendInvocationAsync("Awareness", billId, Wire.Awareness((clientId, clock, "{\"cursor\":" + clock.ToString(CultureInfo.InvariantCulture) + "}")));
                        Interlocked.Increment(ref Sent);
                        _ = call.ContinueWith(t =>
                        {
                            if (t.IsCompletedSuccessfully) Interlocked.Increment(ref Accepted);
                            else if (t.Exception?.InnerException is HubInvocationException) Interlocked.Increment(ref Refused);
                        }, TaskScheduler.Default);
                    }
                }
                catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
                {
                    // the server closed the line under the sender
                }
                if (hub.Closed.IsCompleted) Interlocked.Increment(ref Closed);
            }
            Seconds = watch.Elapsed.TotalSeconds;
        }
    }
}
