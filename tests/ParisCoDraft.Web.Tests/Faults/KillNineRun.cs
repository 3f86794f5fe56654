using ParisCoDraft.Storage;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// Clients type while the server process is killed with SIGKILL, again and again. After each restart the
/// store's raw log is read and compared with what had been acknowledged. Then every client reconnects with
/// its own replica (as a tab does), its unacknowledged keystrokes go in through the resync, and typing goes
/// on. At the end a fresh reader must see every keystroke every client typed.
/// </summary>
public static class KillNineRun
{
    /// <summary>Runs <paramref name="kills"/> rounds against <paramref name="server"/> (already started) with <paramref name="clients"/> typists.</summary>
    public static async Task<(FaultFigures Figures, FaultCount Count)> RunAsync(
        string fault, ServerProcess server, Func<Task<IDraftingStore>> openStore, int kills, int clients, int seed)
    {
        var facilitator = new Browser(server.BaseUri);
        var observer = new Browser(server.BaseUri);
        var typists = new List<TypingClient>();
        try
        {
            var bill = await facilitator.CreateBillAsync("Kill");
            await observer.JoinOkAsync(bill.Invites["observer"], "Lecteur");
            for (var i = 0; i < clients; i++)
            {
                var browser = new Browser(server.BaseUri);
                await browser.JoinOkAsync(bill.Invites["citizen"], "Citoyen " + i);
                typists.Add(new TypingClient(browser, i));
            }
            await Task.WhenAll(typists.Select(t => t.ConnectAsync(bill.BillId))).Bounded(TimeSpan.FromSeconds(60));

            var random = new Random(seed);
            var count = new FaultCount();
            for (var round = 0; round < kills; round++)
            {
                var before = typists.Select(t => t.Typed.Length).ToArray();
                using var stop = new CancellationTokenSource();
                var typing = typists.Select((t, i) => t.TypeAsync(seed * 1000 + round * 100 + i, stop.Token)).ToArray();
                await Task.Delay(400 + random.Next(600));
                await server.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(typing).Bounded(TimeSpan.FromSeconds(60));

                await using (var store = await openStore())
                {
                    var clocks = await StoredClocks.ReadAsync(store, bill.BillId);
                    for (var i = 0; i < typists.Count; i++) count.Add(typists[i], before[i], clocks);
                }
                await server.StartAgainAsync(TimeSpan.FromSeconds(120));
                // Every tab reconnects with its replica: the resync sends what the store lacks.
                await Task.WhenAll(typists.Select(t => t.ConnectAsync(bill.BillId))).Bounded(TimeSpan.FromSeconds(60));
            }

            var final = await ReadTextsAsync(observer, bill.BillId, typists);
            var converged = typists.Select((t, i) => t.Typed == final[i]).All(x => x);
            return (count.Figures(fault, kills, converged), count);
        }
        finally
        {
            foreach (var t in typists)
            {
                await t.DisposeAsync();
                t.Browser.Dispose();
            }
            facilitator.Dispose();
            observer.Dispose();
        }
    }

    /// <summary>Each client's text as a fresh connection reads it.</summary>
    public static async Task<string[]> ReadTextsAsync(Browser reader, string billId, IReadOnlyList<TypingClient> typists)
    {
        await using var check = await Peer.JoinAsync(reader, billId);
        await check.SyncAsync().Bounded(TimeSpan.FromSeconds(30));
        return [.. typists.Select(t => check.Read(d => d.GetText(t.TextName).ToString()))];
    }
}
