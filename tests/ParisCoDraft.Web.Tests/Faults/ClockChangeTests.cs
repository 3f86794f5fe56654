using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// The server's clock set back an hour, then forward a day, while people type and a version is taken:
/// nothing that decides what is stored depends on it, so every acknowledged edit is there after a restart;
/// the idle room unloads (early, on the jump forward) and loads again intact.
/// </summary>
public sealed class ClockChangeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task SettingTheServerClockBackAndForwardWhilePeopleTypeLosesNothing()
    {
        var clock = new JumpingClock();
        var settings = new Dictionary<string, string?> { ["ParisCoDraft:IdleUnloadSeconds"] = "60" };
        var path = _dir.File("clock.db");
        var server = await TestServer.StartAsync(path, settings, s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            using var facilitator = new Browser(server.BaseUri);
            var bill = await facilitator.CreateBillAsync("Horloge");
            await using (var peer = await Peer.JoinAsync(facilitator, bill.BillId))
            {
                await peer.SyncAsync();
                for (var i = 0; i < 10; i++) await peer.AppendToTitleAsync("a");
                clock.Jump(TimeSpan.FromHours(-1));
                for (var i = 0; i < 10; i++) await peer.AppendToTitleAsync("b");
                var (taken, _) = await facilitator.SendJsonAsync(HttpMethod.Post, $"api/bills/{bill.BillId}/versions", new { label = "Après le recul de l'horloge" });
                Assert.Equal(HttpStatusCode.Created, taken);
                clock.Jump(TimeSpan.FromDays(1));
                for (var i = 0; i < 10; i++) await peer.AppendToTitleAsync("c");
            }
            // Idle for 60 s by a clock that jumps a day ahead: unloaded at once (compacted first).
            clock.Jump(TimeSpan.FromDays(1));
            await Within.Until(() => server.Service<DocumentRooms>().Count == 0, what: "the idle room was unloaded after the jump forward");

            await server.DisposeAsync();
            server = await TestServer.StartAsync(path, settings, s => s.AddSingleton<TimeProvider>(clock));
            using var again = new Browser(server.BaseUri);
            foreach (Cookie c in facilitator.Cookies.GetAllCookies()) again.Cookies.Add(server.BaseUri, new Cookie(c.Name, c.Value));
            await using var check = await Peer.JoinAsync(again, bill.BillId);
            await check.SyncAsync();
            var expected = "Horloge" + new string('a', 10) + new string('b', 10) + new string('c', 10);
            var (_, versions) = await again.GetJsonAsync($"api/bills/{bill.BillId}/versions");
            var stored = check.Title.Count(ch => ch is 'a' or 'b' or 'c');
            new FaultFigures("server clock set back 1 h, then forward 2 days", 1, 30, stored, Math.Max(0, 30 - stored), check.Title == expected).Report(output);
            Assert.Equal(expected, check.Title);
            Assert.Equal(1, versions.GetArrayLength());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
