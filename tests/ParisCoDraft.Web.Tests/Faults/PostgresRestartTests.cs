using System.Net;
using ParisCoDraft.Storage;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// PostgreSQL restarted (<c>pg_ctl restart -m fast</c>) while people type: the hub refuses with
/// <c>store-unavailable</c> (never a bare error), acknowledges nothing it did not write, and the server
/// recovers on its own: /healthz is healthy again and typing goes on, without restarting the server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRestartTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 6;
    private readonly TempDirectory _dir = new();
    private TestServer? _server;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RestartingPostgresWhilePeopleTypeLosesNothingAndTheServerRecoversAlone()
    {
        var database = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        _server = await TestServer.StartAsync(_dir.File("unused.db"), new Dictionary<string, string?> { ["ParisCoDraft:Postgres"] = database });
        using var facilitator = new Browser(_server.BaseUri);
        var bill = await facilitator.CreateBillAsync("Redémarrage");
        using var observer = new Browser(_server.BaseUri);
        await observer.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        var typists = new List<TypingClient>();
        for (var i = 0; i < Clients; i++)
        {
            var browser = new Browser(_server.BaseUri);
            await browser.JoinOkAsync(bill.Invites["citizen"], "Citoyen " + i);
            typists.Add(new TypingClient(browser, i));
        }
        try
        {
            await Task.WhenAll(typists.Select(t => t.ConnectAsync(bill.BillId))).Bounded(TimeSpan.FromSeconds(60));
            using var stop = new CancellationTokenSource();
            var restarted = false;
            // Each person types; refused (or cut off), they reconnect after a short wait and type on, as the provider does.
            var typing = typists.Select((t, i) => Task.Run(async () =>
            {
                var run = 0;
                while (!stop.IsCancellationRequested)
                {
                    await t.TypeAsync(i * 100 + run++, stop.Token);
                    var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                    while (true)
                    {
                        try
                        {
                            await t.ConnectAsync(bill.BillId);
                            break;
                        }
                        catch (Exception e) when (e is HubInvocationException or HubClosedException or HubConnectException or TimeoutException
                                                      or System.Net.WebSockets.WebSocketException or HttpRequestException)
                        {
                            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"{t.TextName} could not reconnect for 60 s after the restart: {e.Message}", e);
                            await Task.Delay(200);
                        }
                    }
                }
            })).ToArray();

            await Task.Delay(600);
            await postgres.RestartAsync().Bounded(TimeSpan.FromSeconds(90));
            restarted = true;
            var typedAtRestart = typists.Select(t => t.Typed.Length).ToArray();
            await Within.UntilAsync(async () => (await facilitator.GetJsonAsync("healthz")).Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "/healthz is healthy again without restarting the server");
            await Task.Delay(1500);
            await stop.CancelAsync();
            await Task.WhenAll(typing).Bounded(TimeSpan.FromSeconds(150));
            Assert.True(restarted);

            var store = _server.Service<IDraftingStore>();
            var clocks = await StoredClocks.ReadAsync(store, bill.BillId);
            var count = new FaultCount();
            foreach (var t in typists) count.Add(t, 0, clocks);
            var final = await KillNineRun.ReadTextsAsync(observer, bill.BillId, typists);
            var converged = typists.Select((t, i) => t.Typed == final[i]).All(x => x);
            count.Figures("PostgreSQL restarted (pg_ctl restart -m fast)", 1, converged).Report(output);

            var refusals = typists.SelectMany(t => t.AllRefusals).ToList();
            output.WriteLine("refusals: " + string.Join(", ", refusals.GroupBy(r => r).Select(g => $"{g.Key} x{g.Count()}")));
            Assert.All(refusals, r => Assert.Equal("store-unavailable", r));
            Assert.True(count.Lost == 0, "acknowledged but not stored: " + string.Join(", ", count.Missing));
            Assert.True(converged, "after the reconnects a fresh reader does not see every keystroke typed");
            // Typing went on after the restart: keystrokes typed after it were acknowledged.
            Assert.Contains(typists.Select((t, i) => t.Acknowledged.Any(k => k >= typedAtRestart[i])), x => x);
        }
        finally
        {
            foreach (var t in typists)
            {
                await t.DisposeAsync();
                t.Browser.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _dir.Dispose();
    }
}
