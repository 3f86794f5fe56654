using System.Globalization;
using ParisCoDraft.Crdt;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests;

/// <summary>
/// A writer whose connection drops right after it sent an update, before it read the acknowledgement,
/// reconnects and sends again (its step 2, then the same update once more, as a cautious client would),
/// while two others keep writing. Each edit must be stored once, applied once and reach everyone.
/// </summary>
public sealed class CutConnectionResendTests(ITestOutputHelper output) : ServerTest
{
    private const string TextName = "flaky";

    // No compaction during the test: the log is read back to count what was stored.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:CompactEvery"] = "100000",
    };

    private enum Cut
    {
        /// <summary>Cut once the others got the update: the server stored it, the ack is lost.</summary>
        AfterTheOthersGotIt,

        /// <summary>Cut right after sending: the server may or may not have got the call.</summary>
        RightAfterSending,

        /// <summary>Cut right after sending, then one more edit made while disconnected.</summary>
        RightAfterSendingThenEditOffline,
    }

    [Fact]
    public async Task AnUpdateWhoseAckIsLostIsStoredOnceAfterSeveralCutsAndResendsAmidConcurrentEdits()
    {
        var bill = await NewBrowser().CreateBillAsync("Coupures");
        var alice = NewBrowser();
        await alice.JoinOkAsync(bill.Invites["citizen"], "Alice");
        var bruno = NewBrowser();
        await bruno.JoinOkAsync(bill.Invites["elected"], "Bruno");
        var chloe = NewBrowser();
        await chloe.JoinOkAsync(bill.Invites["civil-servant"], "Chloé");

        var a = await Peer.JoinAsync(alice, bill.BillId);
        await using var b = await Peer.JoinAsync(bruno, bill.BillId);
        await using var c = await Peer.JoinAsync(chloe, bill.BillId);
        await a.SyncAsync();
        await b.SyncAsync();
        await c.SyncAsync();

        var store = Server.Service<IDraftingStore>();
        var storedBefore = (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None).Bounded())!.Updates.Count;

        // Bruno and Chloé write numbered tokens at the end of the text, each acknowledged, and keep
        // applying what the others send, until Alice's cycles are over.
        using var stop = new CancellationTokenSource();
        var brunoWriting = WriteUntilStoppedAsync(b, "B", stop.Token);
        var chloeWriting = WriteUntilStoppedAsync(c, "C", stop.Token);

        var aliceTokens = new List<string>();
        var aliceClock = 0L;
        var cuts = new[] { Cut.AfterTheOthersGotIt, Cut.RightAfterSending, Cut.RightAfterSendingThenEditOffline };
        for (var cycle = 0; cycle < 9; cycle++)
        {
            var cut = cuts[cycle % cuts.Length];
            var token = $"[A{cycle}]";
            // One transaction that inserts the token and a mark it deletes at once: Alice's replica then
            // holds a delete set, which every later step 2 of hers carries again.
            var update = a.Edit(d =>
            {
                var text = d.GetText(TextName);
                text.Insert(text.Length, token + "#");
                text.Delete(text.Length - 1, 1);
            });
            aliceTokens.Add(token);
            aliceClock += token.Length + 1;

            var ack = await a.Hub.SendInvocationAsync("Sync", bill.BillId, Wire.Sync(Wire.Update, update));
            if (cut == Cut.AfterTheOthersGotIt)
            {
                await Within.Until(() => b.Read(d => d.GetText(TextName).ToString()).Contains(token, StringComparison.Ordinal),
                    what: $"Bruno got {token}");
            }
            a.Hub.Abort();
            _ = ack.ContinueWith(t => t.Exception, TaskScheduler.Default); // the lost acknowledgement
            await a.DisposeAsync();

            if (cut == Cut.RightAfterSendingThenEditOffline)
            {
                var offline = $"[A{cycle}off]";
                a.Edit(d => d.GetText(TextName).Insert(d.GetText(TextName).Length, offline));
                aliceTokens.Add(offline);
                aliceClock += offline.Length;
            }

            a = await Peer.RejoinAsync(alice, a);
            await a.SyncAmidUpdatesAsync();
            // A cautious client resends what it never saw acknowledged: accepted, nothing stored twice.
            Assert.Null(await a.SendUpdateAsync(update));
        }

        await stop.CancelAsync();
        var brunoTokens = await brunoWriting.Bounded(TimeSpan.FromSeconds(30));
        var chloeTokens = await chloeWriting.Bounded(TimeSpan.FromSeconds(30));
        output.WriteLine($"Alice: {aliceTokens.Count} edits over 9 cuts; Bruno: {brunoTokens.Count}, Chloé: {chloeTokens.Count} edits meanwhile");
        Assert.True(brunoTokens.Count > 0 && chloeTokens.Count > 0, "Bruno and Chloé wrote during the cuts");

        // What the server holds, read by a newcomer who only syncs.
        var reader = NewBrowser();
        await reader.JoinOkAsync(bill.Invites["observer"], "Lecteur");
        await using var d = await Peer.JoinAsync(reader, bill.BillId);
        await d.SyncAsync();
        var serverText = d.Read(doc => doc.GetText(TextName).ToString());

        var expectedVector = new Dictionary<long, long>
        {
            [a.Doc.ClientId] = aliceClock,
            [b.Doc.ClientId] = brunoTokens.Sum(t => (long)t.Length),
            [c.Doc.ClientId] = chloeTokens.Sum(t => (long)t.Length),
        };
        var serverVector = d.Read(doc => Y.DecodeStateVector(Y.EncodeStateVector(doc)));
        foreach (var (client, clock) in expectedVector)
        {
            Assert.True(serverVector.TryGetValue(client, out var have) && have == clock,
                $"server's clock for {client}: expected {clock}, has {(serverVector.TryGetValue(client, out var h) ? h : 0)}");
        }

        // Every token exactly once, nothing else: applied once.
        var allTokens = aliceTokens.Concat(brunoTokens).Concat(chloeTokens).ToList();
        foreach (var token in allTokens)
        {
            Assert.True(Occurrences(serverText, token) == 1, $"{token} appears {Occurrences(serverText, token)} times in the server's text: {serverText}");
        }
        Assert.Equal(allTokens.Sum(t => t.Length), serverText.Length);

        // Everyone converges on it; the others got Alice's edits through ordinary broadcasts.
        foreach (var peer in new[] { a, b, c })
        {
            await peer.ReceiveUntilAsync(p => p.Read(doc => doc.GetText(TextName).ToString()) == serverText);
        }

        // Stored once: one log entry per edit, whatever was resent.
        var log = (await store.LoadDocumentAsync(bill.BillId, CancellationToken.None).Bounded())!;
        Assert.Equal(0, log.SnapshotSequence);
        Assert.Equal(allTokens.Count, log.Updates.Count - storedBefore);
        await a.DisposeAsync();
    }

    private static async Task<List<string>> WriteUntilStoppedAsync(Peer peer, string who, CancellationToken stop)
    {
        await Task.Yield();
        var tokens = new List<string>();
        for (var n = 0; !stop.IsCancellationRequested && n < 400; n++)
        {
            var token = $"[{who}{n.ToString(CultureInfo.InvariantCulture)}]";
            var update = peer.Edit(d => d.GetText(TextName).Insert(d.GetText(TextName).Length, token));
            tokens.Add(token);
            var answer = peer.SendUpdateAsync(update);
            // Apply what the others sent while waiting for our acknowledgement.
            while (!answer.IsCompleted)
            {
                var call = peer.Hub.NextCallAsync("Sync", TimeSpan.FromMilliseconds(50));
                try
                {
                    peer.Apply((await call)[1].GetBytesFromBase64());
                }
                catch (TimeoutException)
                {
                }
            }
            Assert.Null(await answer.Bounded());
            while (peer.Hub.TryTakeCall("Sync", out var more)) peer.Apply(more[1].GetBytesFromBase64());
            await Task.Delay(15, CancellationToken.None);
        }
        return tokens;
    }

    private static int Occurrences(string text, string token)
    {
        var count = 0;
        for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
