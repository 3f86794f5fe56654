using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// Random sessions of C# and yjs replicas (yjs in one node process) exchanging updates out of order,
/// duplicated and delayed: at the end all replicas agree with each other and load each other's state.
/// Set PARISCODRAFT_DIFF_SEED to replay a failing run; PARISCODRAFT_DIFF_SESSIONS to run more (and
/// PARISCODRAFT_DIFF_BUDGET_SECONDS to give them the time).
/// </summary>
[Collection(NodePeerCollection.Name)]
public sealed class DifferentialSessionTests(NodePeer peer, ITestOutputHelper output)
{
    private const int SessionsPerGroup = 150;
    private const int Steps = 40;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);

    [Fact]
    public void RandomSessionsOfCSharpAndYjsReplicasConverge()
        => RunSessions(SessionMode.Mixed, mergeDeliveries: true, defaultCount: 1600, Budget);

    [Fact]
    public void MixedSessionsWithoutMergedDeliveriesConverge()
        => RunSessions(SessionMode.Mixed, mergeDeliveries: false, defaultCount: 300, TimeSpan.FromSeconds(20));

    [Fact]
    public void CSharpOnlySessionsConverge()
        => RunSessions(SessionMode.CSharpOnly, mergeDeliveries: true, defaultCount: 300, TimeSpan.FromSeconds(20));

    /// <summary>yjs always converges: if this fails, the harness (not the core) is wrong.</summary>
    [Fact]
    public void YjsOnlySessionsConvergeSoTheHarnessIsSound()
        => RunSessions(SessionMode.YjsOnly, mergeDeliveries: false, defaultCount: 150, TimeSpan.FromSeconds(20));

    private void RunSessions(SessionMode mode, bool mergeDeliveries, int defaultCount, TimeSpan budget)
    {
        var baseSeed = FuzzSeed.FromEnvironment("PARISCODRAFT_DIFF_SEED");
        var target = int.TryParse(Environment.GetEnvironmentVariable("PARISCODRAFT_DIFF_SESSIONS"), out var n) ? n : defaultCount;
        // Long hunts (many sessions) raise the time budget: PARISCODRAFT_DIFF_BUDGET_SECONDS.
        if (int.TryParse(Environment.GetEnvironmentVariable("PARISCODRAFT_DIFF_BUDGET_SECONDS"), out var seconds) && seconds > 0)
        {
            budget = TimeSpan.FromSeconds(seconds);
        }
        var failures = new List<string>();
        var sw = Stopwatch.StartNew();
        var run = 0;
        for (var g = 0; run < target && failures.Count < 10; g++)
        {
            var seeds = Enumerable.Range(baseSeed + g * SessionsPerGroup, Math.Min(SessionsPerGroup, target - run)).ToList();
            RunGroup(seeds, failures, mode, mergeDeliveries);
            run += seeds.Count;
            if (sw.Elapsed > budget)
            {
                break;
            }
        }
        output.WriteLine($"{mode} (merged deliveries: {mergeDeliveries}): {run} sessions (base seed {baseSeed}) in {sw.Elapsed.TotalSeconds:F1} s, {failures.Count} failed");
        Assert.True(failures.Count == 0,
            $"{mode}: {failures.Count} of {run} sessions diverged (base seed {baseSeed}; replay one with PARISCODRAFT_DIFF_SEED=<session seed> PARISCODRAFT_DIFF_SESSIONS=1):\n"
            + string.Join("\n\n", failures.Take(3)));
        Assert.True(run >= Math.Min(target, defaultCount / 2), $"only {run} sessions ran within {budget}");
    }

    /// <summary>Runs sessions in lockstep; a failing session is recorded and left out of later rounds.</summary>
    private void RunGroup(List<int> seeds, List<string> failures, SessionMode mode, bool mergeDeliveries)
    {
        var sessions = new List<DifferentialSession>();
        foreach (var seed in seeds)
        {
            try
            {
                sessions.Add(new DifferentialSession(seed, Steps, mode, mergeDeliveries));
            }
            catch (Exception e)
            {
                failures.Add($"session seed {seed}: setup failed: {e}");
            }
        }
        peer.Call(new JsonObject { ["op"] = "reset" });
        Send(sessions.SelectMany(s => s.CreateCommands().Select(c => (s, c))), failures, check: true);

        for (var step = 0; step < Steps; step++)
        {
            var batch = new List<(DifferentialSession, JsonObject)>();
            foreach (var s in sessions.ToList())
            {
                Guard(s, sessions, failures, () =>
                {
                    var cmd = s.Step();
                    if (cmd is not null) batch.Add((s, cmd));
                });
            }
            Dispatch(batch, sessions, failures);
        }

        FlushUntilQuiet(sessions, failures);

        // Then one reconnection sync, as every yjs provider does (y-protocols sync step 1/2): each replica
        // sends every other one what its state vector lacks. Without it, a replica can keep structs pending
        // forever although it holds all of them (yjs 13.6.33 checks whether pending structs can be retried
        // before it merges the new update's own unintegrated structs into them: seed 800971084, see
        // PendingUpdateTests); C# replicas do exactly the same.
        var svCmds = sessions.SelectMany(s => s.SyncStateVectorCommands().Select(c => (s, c))).ToList();
        var svs = Send(svCmds, failures, check: false);
        var diffCmds = new List<(DifferentialSession, JsonObject)>();
        foreach (var s in sessions.ToList())
        {
            var mine = svCmds.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => svs[x.i]).ToList();
            Guard(s, sessions, failures, () => diffCmds.AddRange(s.SyncDiffCommands(mine).Select(c => (s, c))));
        }
        var diffs = Send(diffCmds, failures, check: false);
        foreach (var s in sessions.ToList())
        {
            var mine = diffCmds.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => diffs[x.i]).ToList();
            Guard(s, sessions, failures, () => s.ReceiveSyncDiffs(mine));
        }
        FlushUntilQuiet(sessions, failures);
        foreach (var s in sessions.Where(s => s.HasPendingDeliveries).ToList())
        {
            failures.Add($"session seed {s.Seed}: replicas kept emitting updates after 20 flush rounds");
            sessions.Remove(s);
        }

        // Every merge a session made (pending updates batched for one replica) must be byte-identical to yjs's.
        var mergeCmds = sessions.SelectMany(s => s.MergeCommands().Select(c => (s, c))).ToList();
        var mergeResults = Send(mergeCmds, failures, check: false);
        foreach (var s in sessions.ToList())
        {
            var mine = mergeCmds.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => mergeResults[x.i]).ToList();
            Guard(s, sessions, failures, () => s.CheckMerges(mine));
        }

        // Each C# replica against a yjs replica redoing its journal (same updates byte for byte, same content)
        // and against a fresh yjs doc replaying exactly the updates it produced and applied.
        var replayCmds = sessions.SelectMany(s => s.ReplayCommands().Select(c => (s, c))).ToList();
        var replayResults = Send(replayCmds, failures, check: false);
        foreach (var s in sessions.ToList())
        {
            var mine = replayCmds.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => replayResults[x.i]).ToList();
            Guard(s, sessions, failures, () => s.CheckReplays(mine, cmd => peer.Send([cmd], TimeSpan.FromSeconds(60))[0]?.DeepClone()));
        }

        var stateCmds = sessions.SelectMany(s => s.StateCommands().Select(c => (s, c))).ToList();
        var states = Send(stateCmds, failures, check: false);
        var loads = new List<(DifferentialSession, JsonObject)>();
        foreach (var s in sessions.ToList())
        {
            var mine = stateCmds.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => states[x.i]).ToList();
            Guard(s, sessions, failures, () => loads.AddRange(s.Check(mine).Select(c => (s, c))));
        }
        var loaded = Send(loads, failures, check: false);
        foreach (var s in sessions.ToList())
        {
            var mine = loads.Select((x, i) => (x.Item1, i)).Where(x => x.Item1 == s).Select(x => loaded[x.i]).ToList();
            Guard(s, sessions, failures, () => s.CheckLoads(mine));
        }
        peer.Call(new JsonObject { ["op"] = "reset" });
    }

    /// <summary>Deliveries can make replicas emit more updates (formatting cleanup): flush until quiet.</summary>
    private void FlushUntilQuiet(List<DifferentialSession> sessions, List<string> failures)
    {
        for (var round = 0; round < 20 && sessions.Any(s => s.HasPendingDeliveries); round++)
        {
            var flush = new List<(DifferentialSession, JsonObject)>();
            foreach (var s in sessions.ToList())
            {
                Guard(s, sessions, failures, () => flush.AddRange(s.Flush().Select(c => (s, c))));
            }
            Dispatch(flush, sessions, failures);
        }
    }

    private void Dispatch(List<(DifferentialSession S, JsonObject Cmd)> batch, List<DifferentialSession> sessions, List<string> failures)
    {
        var results = Send(batch, failures, check: false);
        for (var i = 0; i < batch.Count; i++)
        {
            var (s, cmd) = batch[i];
            if (!sessions.Contains(s)) continue;
            Guard(s, sessions, failures, () => s.Receive(cmd, results[i]));
        }
    }

    private List<JsonNode?> Send(IEnumerable<(DifferentialSession S, JsonObject Cmd)> cmds, List<string> failures, bool check)
    {
        var list = cmds.ToList();
        var all = new List<JsonNode?>();
        // Chunks keep each line (base64 updates inside) to a few MB.
        for (var i = 0; i < list.Count; i += 2000)
        {
            var chunk = list.Skip(i).Take(2000).Select(x => x.Cmd).ToList();
            var r = peer.Send(chunk, TimeSpan.FromSeconds(60));
            all.AddRange(r.Select(x => x?.DeepClone()));
        }
        if (check)
        {
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i]?["error"] is { } e) failures.Add($"session seed {list[i].S.Seed}: yjs {list[i].Cmd["op"]}: {e}");
            }
        }
        return all;
    }

    private static void Guard(DifferentialSession s, List<DifferentialSession> sessions, List<string> failures, Action a)
    {
        try
        {
            a();
        }
        catch (DifferentialFailure f)
        {
            failures.Add(f.Message);
            sessions.Remove(s);
        }
        catch (Exception e)
        {
            failures.Add($"session seed {s.Seed}: {e}");
            sessions.Remove(s);
        }
    }
}
