using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParisCoDraft.Crdt;
using ParisCoDraft.Web.Hubs;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests;

/// <summary>
/// Hostile messages through the real hub (docs/security.md, "Hostile input through the hub"). The suite sends
/// 10,000; <c>scripts/hub-fuzz</c> runs the same test with <c>PCD_HUB_FUZZ_MESSAGES=100000</c> and prints its
/// JSON line. <c>PCD_HUB_FUZZ_SEED</c> replays a seed.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class HubFuzzTests(ITestOutputHelper output) : ServerTest
{
    private const int DefaultMessages = 10_000;
    private const int DefaultSeed = 20_261_204;
    private const int InFlight = 16;

    // What is under test is how the hub decodes and refuses hostile bytes, hundreds a second; the message
    // budget that throttles such a sender has tests of its own (HubFloodTests) and is lifted here.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ParisCoDraft:Security:HubMessageBurst"] = "1000000",
        ["ParisCoDraft:Security:HubMessagesPerSecond"] = "1000000",
    };

    private static readonly HashSet<string> Codes =
    [
        HubErrors.NotJoined, HubErrors.Forbidden, HubErrors.ReadOnly, HubErrors.ForeignClient,
        HubErrors.UpdateMalformed, HubErrors.UpdateTooLarge, HubErrors.MessageMalformed, "locked",
    ];

    private static readonly HashSet<string> MustBeRefused =
    [
        "sync-unknown-type", "sync-trailing-bytes", "sync-length-lies", "update-huge-counts", "update-foreign-client", "update-from-reader",
        "update-too-large", "other-bill", "awareness-bad-json", "awareness-huge-count", "awareness-too-large",
    ];

    [Fact]
    public async Task HostileSyncAndAwarenessMessagesAreRefusedWithACodeLoggedAndChangeNothingForTheOthers()
    {
        var messages = EnvInt("PCD_HUB_FUZZ_MESSAGES", DefaultMessages);
        var seed = EnvInt("PCD_HUB_FUZZ_SEED", DefaultSeed);
        output.WriteLine($"hub fuzz: seed {seed} ({messages} messages); replay with PCD_HUB_FUZZ_SEED={seed}");

        var bill = await NewBrowser().CreateBillAsync("Titre");
        var elected = NewBrowser();
        await elected.JoinOkAsync(bill.Invites["elected"], "Élu");
        await using var bystander = await Peer.JoinAsync(elected, bill.BillId);
        await bystander.SyncAsync();
        await bystander.AppendToTitleAsync(" — texte des autres");

        var citizen = NewBrowser();
        var writerId = (await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille")).GetProperty("me").GetProperty("participantId").GetString()!;
        var observer = NewBrowser();
        var readerId = (await observer.JoinOkAsync(bill.Invites["observer"], "Presse")).GetProperty("me").GetProperty("participantId").GetString()!;
        await using var writer = await citizen.OpenHubAsync();
        await writer.InvokeAsync("Join", bill.BillId, new[] { HubFuzzer.WriterClientId });
        await using var reader = await observer.OpenHubAsync();
        await reader.InvokeAsync("Join", bill.BillId, new[] { HubFuzzer.ReaderClientId });

        var before = await ServerStateAsync(bill);
        var rejectionLines = 0;
        var errorLines = 0;
        void CountRejection(string line)
        {
            if (line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal)) Interlocked.Increment(ref errorLines);
            if (line.Contains(" Rejected ", StringComparison.Ordinal) &&
                (line.Contains(writerId, StringComparison.Ordinal) || line.Contains(readerId, StringComparison.Ordinal) || line.Contains("from connection ", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref rejectionLines);
            }
        }
        CapturingLoggerProvider.LineLogged += CountRejection;
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var acceptedUpdates = 0;
        var (rssBefore, heapBefore) = Memory();
        long heapMid = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            var fuzzer = new HubFuzzer(seed, bill.BillId);
            var pending = new Queue<(HubFuzzMessage Message, Task<JsonElement> Done)>();
            for (var i = 0; i < messages; i++)
            {
                var m = fuzzer.Next();
                var hub = m.Sender == HubFuzzSender.Writer ? writer : reader;
                pending.Enqueue((m, await hub.SendInvocationAsync(m.Method, m.BillId, m.Bytes)));
                if (pending.Count >= InFlight) acceptedUpdates += await SettleAsync(pending.Dequeue(), outcomes, seed, i);
                if (i % 256 == 0) Drain(writer, reader);
                if (i == messages / 10) heapMid = Memory().Heap;
            }
            while (pending.Count > 0) acceptedUpdates += await SettleAsync(pending.Dequeue(), outcomes, seed, messages);
        }
        finally
        {
            CapturingLoggerProvider.LineLogged -= CountRejection;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Drain(writer, reader);
        var (rssAfter, heapAfter) = Memory();

        var after = await ServerStateAsync(bill);
        // The process is up and still serves: an ordinary edit is stored and reaches a new reader.
        await bystander.AppendToTitleAsync(" (suite)");
        var afterEdit = await ServerStateAsync(bill);
        var rejected = outcomes.Where(o => !o.Key.StartsWith("accepted", StringComparison.Ordinal)).Sum(o => o.Value);
        var report = new JsonObject
        {
            ["messages"] = messages,
            ["seed"] = seed,
            ["accepted"] = outcomes.GetValueOrDefault("accepted"),
            ["acceptedByKind"] = new JsonObject(outcomes.Where(o => o.Key.StartsWith("accepted:", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key["accepted:".Length..], (JsonNode?)o.Value))),
            ["acceptedUpdates"] = acceptedUpdates,
            ["rejected"] = rejected,
            ["rejectedByCode"] = new JsonObject(outcomes.Where(o => !o.Key.StartsWith("accepted", StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)o.Value))),
            ["rejectionsLogged"] = rejectionLines,
            ["errorsLogged"] = errorLines,
            ["rssBeforeMb"] = Mb(rssBefore),
            ["rssAfterMb"] = Mb(rssAfter),
            ["heapBeforeMb"] = Mb(heapBefore),
            ["heapAtTenthMb"] = Mb(heapMid),
            ["heapAfterMb"] = Mb(heapAfter),
            ["seconds"] = Math.Round(seconds, 1),
            ["messagesPerSecond"] = Math.Round(messages / seconds),
        }.ToJsonString();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("PCD_HUB_FUZZ_REPORT") is { Length: > 0 } file) await File.AppendAllTextAsync(file, report + "\n");

        Assert.Equal(messages, outcomes.Where(o => !o.Key.StartsWith("accepted:", StringComparison.Ordinal)).Sum(o => o.Value));
        // These kinds are invalid by construction: not one may get through.
        var slipped = outcomes.Where(o => o.Key.StartsWith("accepted:", StringComparison.Ordinal) && MustBeRefused.Contains(o.Key["accepted:".Length..])).ToList();
        Assert.True(slipped.Count == 0, $"seed {seed}: accepted {string.Join(", ", slipped.Select(o => o.Value + " " + o.Key))}");
        Assert.True(rejected > messages * 3 / 4, $"seed {seed}: only {rejected} of {messages} refused: the generator no longer makes hostile input");
        Assert.Equal(rejected, rejectionLines);
        // A refusal is one warning; an error line would be a fault (an exception that is not a refusal).
        Assert.Equal(0, errorLines);
        if (acceptedUpdates == 0)
        {
            // Nothing was stored: the other clients got nothing, and the document is byte for byte what it was.
            Assert.False(bystander.Hub.TryTakeCall("Sync", out _), $"seed {seed}: the bystander received an update although none was accepted");
            Assert.Equal(Convert.ToHexString(before.State), Convert.ToHexString(after.State));
        }
        else
        {
            // A mutated update that decodes is a valid update under the writer's own client id: it is stored and
            // relayed like any edit. The bill's text is untouched and the bystander holds exactly the server's state.
            while (bystander.Hub.TryTakeCall("Sync", out var call)) bystander.Apply(call[1].GetBytesFromBase64());
            Assert.Equal(Convert.ToHexString(afterEdit.State), Convert.ToHexString(bystander.Read(d => Y.EncodeStateAsUpdate(d))));
        }
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Title + " (suite)", afterEdit.Title);
        // Bounded memory: the managed heap after every message is within 64 MiB of where it stood after the first tenth.
        Assert.True(heapAfter - heapMid < 64L * 1024 * 1024, $"seed {seed}: managed heap grew from {Mb(heapMid)} MB to {Mb(heapAfter)} MB");
    }

    // One message's outcome: the completion, or the refusal's code. A closed connection or an unknown code fails the test.
    private static async Task<int> SettleAsync((HubFuzzMessage Message, Task<JsonElement> Done) sent, Dictionary<string, int> outcomes, int seed, int index)
    {
        string outcome;
        try
        {
            await sent.Done.Bounded(TimeSpan.FromSeconds(60));
            outcome = "accepted";
        }
        catch (HubInvocationException e)
        {
            outcome = e.Code;
            Assert.True(Codes.Contains(outcome), $"seed {seed}, message {index} ({sent.Message.Kind}): refusal without a known code: {e.Message}");
        }
        catch (HubClosedException e)
        {
            Assert.Fail($"seed {seed}, message {index} ({sent.Message.Kind}): the server closed the connection: {e.Message}");
            throw;
        }
        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        if (outcome == "accepted") outcomes["accepted:" + sent.Message.Kind] = outcomes.GetValueOrDefault("accepted:" + sent.Message.Kind) + 1;
        return outcome == "accepted" && sent.Message.Method == "Sync" && sent.Message.Bytes.Length > 0 && sent.Message.Bytes[0] != 0 ? 1 : 0;
    }

    // The server's step 1 answers and awareness relays the fuzzing connections get are not needed.
    private static void Drain(HubClient writer, HubClient reader)
    {
        foreach (var hub in new[] { writer, reader })
        {
            while (hub.TryTakeCall("Sync", out _))
            {
            }
            while (hub.TryTakeCall("Awareness", out _))
            {
            }
        }
    }

    // What a new reader gets from the server: the title and the whole state as one update.
    private async Task<(string Title, byte[] State)> ServerStateAsync(CreatedBill bill)
    {
        var clerk = NewBrowser();
        await clerk.JoinOkAsync(bill.Invites["clerk"], "Greffe");
        await using var peer = await Peer.JoinAsync(clerk, bill.BillId);
        await peer.SyncAsync();
        return (peer.Title, peer.Read(d => Y.EncodeStateAsUpdate(d)));
    }

    private static (long Rss, long Heap) Memory()
    {
        using var process = Process.GetCurrentProcess();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        return (process.WorkingSet64, heap);
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
