using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// One random session: a few replicas (some C#, some yjs in the node peer) edit, and every update is
/// delivered to every other replica in random order, some duplicated, some delayed to the very end.
/// Sessions run in lockstep so that one node round trip carries a step of many sessions.
/// </summary>
internal sealed class DifferentialSession
{
    private readonly Random _rng;
    private readonly List<Replica> _replicas = [];
    private readonly List<Delivery> _network = [];
    private readonly List<byte[]> _allUpdates = [];
    private readonly bool _mergeDeliveries;
    private Replica? _awaitingEditFrom;

    public DifferentialSession(int seed, int steps, SessionMode mode = SessionMode.Mixed, bool mergeDeliveries = true)
    {
        Seed = seed;
        _mergeDeliveries = mergeDeliveries;
        StepsLeft = steps;
        _rng = new Random(seed);
        var count = 2 + _rng.Next(3);
        var clients = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            long client;
            do
            {
                client = _rng.Next(4) == 0 ? 9007199254740991L - _rng.Next(3) : _rng.Next(1, 5000);
            }
            while (!clients.Add(client));
            // Mixed: at least one of each kind.
            var isJs = mode switch
            {
                SessionMode.YjsOnly => true,
                SessionMode.CSharpOnly => false,
                _ => i == 0 || (i != 1 && _rng.Next(2) == 0),
            };
            _replicas.Add(isJs
                ? new Replica($"s{seed}r{i}", client, null)
                : new Replica($"s{seed}r{i}", client, CsReplica.Create(client)));
        }
    }

    public int Seed { get; }

    public int StepsLeft { get; private set; }

    public IReadOnlyList<byte[]> AllUpdates => _allUpdates;

    /// <summary>Commands to create the JS replicas.</summary>
    public IEnumerable<JsonObject> CreateCommands() =>
        _replicas.Where(r => r.IsJs).Select(r => new JsonObject { ["op"] = "create", ["r"] = r.Name, ["client"] = r.Client });

    public IEnumerable<JsonObject> DropCommands() =>
        _replicas.Where(r => r.IsJs).Select(r => new JsonObject { ["op"] = "drop", ["r"] = r.Name });

    /// <summary>Runs one step; returns a JS command to send this round, or null if the step was C#-only.</summary>
    public JsonObject? Step()
    {
        StepsLeft--;
        var roll = _rng.Next(100);
        if (roll < 45 || _network.Count == 0)
        {
            var r = _replicas[_rng.Next(_replicas.Count)];
            var n = 1 + _rng.Next(3);
            var editSeed = _rng.Next();
            if (r.IsJs)
            {
                _awaitingEditFrom = r;
                return new JsonObject { ["op"] = "edit", ["r"] = r.Name, ["seed"] = editSeed, ["n"] = n };
            }
            Broadcast(r, r.Cs!.RandomEdits(editSeed, n));
            return null;
        }
        if (roll < 90 || !_mergeDeliveries)
        {
            return Deliver(_network.Count == 0 ? null : PickDelivery(keepCopy: _rng.Next(7) == 0));
        }
        // Several pending updates for one target, merged into one (MergeUpdates of the C# core).
        var target = _network[_rng.Next(_network.Count)].Target;
        var batch = _network.Where(d => d.Target == target).Take(1 + _rng.Next(4)).ToList();
        foreach (var d in batch) _network.Remove(d);
        var inputs = batch.Select(d => d.Update).ToList();
        var merged = Y.MergeUpdates(inputs);
        _merges.Add((inputs, merged));
        return Deliver(new Delivery(target, merged));
    }

    /// <summary>Receives the result of the JS command this session sent this round.</summary>
    public void Receive(JsonObject command, JsonNode? result)
    {
        var error = result?["error"];
        if (error is not null)
        {
            throw new DifferentialFailure(Seed, $"yjs {command["op"]} on {command["r"]} failed: {error}");
        }
        if (result?["updates"] is JsonArray produced)
        {
            var from = _replicas.First(r => r.Name == (string?)command["r"]);
            Broadcast(from, produced.Select(u => Convert.FromBase64String(u!.GetValue<string>())).ToList());
        }
        _awaitingEditFrom = null;
    }

    /// <summary>True while updates are still on their way.</summary>
    public bool HasPendingDeliveries => _network.Count > 0;

    private List<byte[]>? _syncStateVectors;
    private List<(Replica Source, Replica Target)>? _syncPairs;

    /// <summary>Reconnection sync, step 1: the yjs replicas' state vectors.</summary>
    public IEnumerable<JsonObject> SyncStateVectorCommands() =>
        _replicas.Where(r => r.IsJs).Select(r => new JsonObject { ["op"] = "sv", ["r"] = r.Name });

    /// <summary>
    /// Reconnection sync, step 2: what each replica lacks from each other one (by state vector). C# sources
    /// are diffed here and queued for delivery; returns the commands that diff yjs sources.
    /// </summary>
    public List<JsonObject> SyncDiffCommands(IReadOnlyList<JsonNode?> jsStateVectors)
    {
        var j = 0;
        _syncStateVectors = _replicas.Select(r => r.IsJs
            ? Convert.FromBase64String((string?)jsStateVectors[j++]?["sv"] ?? throw new DifferentialFailure(Seed, $"no state vector from yjs replica {r.Name}"))
            : Y.EncodeStateVector(r.Cs!.Doc)).ToList();
        _syncPairs = [];
        var cmds = new List<JsonObject>();
        for (var t = 0; t < _replicas.Count; t++)
        {
            foreach (var source in _replicas.Where(r => r != _replicas[t]))
            {
                if (source.IsJs)
                {
                    _syncPairs.Add((source, _replicas[t]));
                    cmds.Add(new JsonObject { ["op"] = "full", ["r"] = source.Name, ["sv"] = Convert.ToBase64String(_syncStateVectors[t]) });
                }
                else
                {
                    _network.Add(new Delivery(_replicas[t], Y.EncodeStateAsUpdate(source.Cs!.Doc, _syncStateVectors[t])));
                }
            }
        }
        return cmds;
    }

    /// <summary>Reconnection sync, step 2 for yjs sources: queues their diffs for delivery.</summary>
    public void ReceiveSyncDiffs(IReadOnlyList<JsonNode?> diffs)
    {
        for (var i = 0; i < _syncPairs!.Count; i++)
        {
            var u = (string?)diffs[i]?["u"] ?? throw new DifferentialFailure(Seed, $"yjs replica {_syncPairs[i].Source.Name} gave no diff: {diffs[i]?["error"]}");
            _network.Add(new Delivery(_syncPairs[i].Target, Convert.FromBase64String(u)));
        }
    }

    /// <summary>Final phase: delivers what is left (random order, some twice); returns the JS commands.</summary>
    public List<JsonObject> Flush()
    {
        var cmds = new List<JsonObject>();
        while (_network.Count > 0)
        {
            var cmd = Deliver(PickDelivery(keepCopy: _rng.Next(10) == 0));
            if (cmd is not null) cmds.Add(cmd);
        }
        return cmds;
    }

    public IEnumerable<JsonObject> StateCommands() =>
        _replicas.Where(r => r.IsJs).Select(r => new JsonObject { ["op"] = "state", ["r"] = r.Name });

    /// <summary>Compares every replica's end state; returns commands to load C# states in yjs.</summary>
    public List<JsonObject> Check(IReadOnlyList<JsonNode?> jsStates)
    {
        var states = new List<(Replica R, JsonNode Content, Dictionary<long, long> Sv, byte[] SvBytes, byte[] Full)>();
        var j = 0;
        foreach (var r in _replicas)
        {
            if (r.IsJs)
            {
                var s = jsStates[j++] ?? throw new DifferentialFailure(Seed, "missing yjs state");
                if (s["error"] is { } e) throw new DifferentialFailure(Seed, $"yjs state of {r.Name}: {e}");
                var sv = s["svObj"]!.AsObject().ToDictionary(kv => long.Parse(kv.Key, System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value!.GetValue<long>());
                states.Add((r, s["content"]!, sv, Convert.FromBase64String((string)s["sv"]!), Convert.FromBase64String((string)s["u"]!)));
            }
            else
            {
                var doc = r.Cs!.Doc;
                states.Add((r, CompatContent.Of(doc, CsReplica.Roots), doc.StateVector.ToDictionary(kv => kv.Key, kv => kv.Value),
                    Y.EncodeStateVector(doc), Y.EncodeStateAsUpdate(doc)));
            }
        }
        var first = states[0];
        foreach (var s in states.Skip(1))
        {
            if (!CompatJson.DeepEquals(first.Content, s.Content, out var path))
            {
                throw new DifferentialFailure(Seed,
                    $"content of {Describe(s.R)} differs from {Describe(first.R)} at {path}\n {Describe(first.R)}: {CompatJson.Canonical(first.Content)}\n {Describe(s.R)}: {CompatJson.Canonical(s.Content)}");
            }
            if (!SameSv(first.Sv, s.Sv))
            {
                throw new DifferentialFailure(Seed, $"state vector of {Describe(s.R)} {Show(s.Sv)} differs from {Describe(first.R)} {Show(first.Sv)}");
            }
            if (!first.SvBytes.AsSpan().SequenceEqual(s.SvBytes))
            {
                throw new DifferentialFailure(Seed, $"encoded state vector of {Describe(s.R)} {Convert.ToBase64String(s.SvBytes)} differs from {Describe(first.R)} {Convert.ToBase64String(first.SvBytes)}");
            }
        }
        _expectedContent = first.Content;
        _expectedSv = first.Sv;
        var cmds = new List<JsonObject>();
        // Every full state (C#'s and yjs's) is loaded by a fresh yjs doc and a fresh C# doc: see CheckLoads.
        foreach (var s in states)
        {
            _fullStates.Add((s.R, s.Full));
            cmds.Add(new JsonObject { ["op"] = "load", ["u"] = Convert.ToBase64String(s.Full) });
        }
        return cmds;
    }

    private readonly List<(List<byte[]> Inputs, byte[] Merged)> _merges = [];

    /// <summary>Every MergeUpdates the session did, to redo in yjs.</summary>
    public IEnumerable<JsonObject> MergeCommands() => _merges.Select(m => new JsonObject
    {
        ["op"] = "merge",
        ["us"] = new JsonArray(m.Inputs.Select(u => (JsonNode)Convert.ToBase64String(u)).ToArray()),
    });

    /// <summary>C#'s MergeUpdates gave yjs's bytes for the same inputs.</summary>
    public void CheckMerges(IReadOnlyList<JsonNode?> results)
    {
        for (var i = 0; i < _merges.Count; i++)
        {
            var (inputs, merged) = _merges[i];
            var yjs = results[i]?["u"]?.GetValue<string>();
            if (yjs != Convert.ToBase64String(merged))
            {
                throw new DifferentialFailure(Seed,
                    $"MergeUpdates differs from yjs mergeUpdates{(results[i]?["error"] is { } e ? " (yjs error " + e + ")" : "")}\n inputs: [{string.Join(", ", inputs.Select(Convert.ToBase64String))}]\n yjs: {yjs}\n  C#: {Convert.ToBase64String(merged)}");
            }
        }
    }

    /// <summary>
    /// For each C# replica, two commands: a yjs replica with the same client id does the same local
    /// transactions and applies the same remote updates in the same order (liveReplay), and a fresh yjs doc
    /// applies the replica's whole history (replay).
    /// </summary>
    public IEnumerable<JsonObject> ReplayCommands() => _replicas.Where(r => !r.IsJs).SelectMany(r => new[]
    {
        new JsonObject
        {
            ["op"] = "liveReplay",
            ["client"] = r.Client,
            ["journal"] = r.Cs!.Journal.DeepClone(),
        },
        new JsonObject
        {
            ["op"] = "replay",
            ["us"] = new JsonArray(r.Cs!.History.Select(u => (JsonNode)Convert.ToBase64String(u)).ToArray()),
        },
    });

    /// <summary>A C# replica ends where yjs ends after the same update sequence (pins down who integrated wrongly).</summary>
    public void CheckReplays(IReadOnlyList<JsonNode?> results, Func<JsonObject, JsonNode?> askYjs)
    {
        var i = 0;
        foreach (var r in _replicas.Where(r => !r.IsJs))
        {
            CheckLiveReplay(r, results[i++]);
            var res = results[i++];
            if (res?["error"] is { } e) throw new DifferentialFailure(Seed, $"yjs could not replay the history of {Describe(r)}: {e}");
            // Fresh against fresh: a fresh doc applies every update as remote and runs the formatting cleanup
            // after each, which the live replica did not run after its own edits, and yjs's cleanup can even
            // change attributes (seed 122934992) - so a live replica is compared with a live yjs replica
            // (CheckLiveReplay above), and a fresh C# doc with a fresh yjs doc.
            var content = FreshDoc(r.Cs!.History, out var error);
            if (error is not null) throw new DifferentialFailure(Seed, $"a fresh C# doc could not apply the history of {Describe(r)}: {error}");
            if (!CompatJson.DeepEquals(res!["content"], content, out var path))
            {
                throw new DifferentialFailure(Seed,
                    $"a fresh C# doc applying the history of {Describe(r)} differs from a fresh yjs doc doing the same (at {path})\n yjs: {CompatJson.Canonical(res["content"])}\n  C#: {CompatJson.Canonical(content)}\n"
                    + FirstDivergence(r.Cs.History, askYjs));
            }
        }
    }

    /// <summary>
    /// The yjs replica that did what this C# replica did produced the same updates, byte for byte, and
    /// ended with the same content (strictly: a live replica keeps the formatting items its own edits left).
    /// </summary>
    private void CheckLiveReplay(Replica r, JsonNode? res)
    {
        if (res?["error"] is { } e) throw new DifferentialFailure(Seed, $"yjs could not redo the journal of {Describe(r)}: {e}");
        var yjs = res!["history"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        var mine = r.Cs!.History.Select(Convert.ToBase64String).ToList();
        for (var k = 0; k < Math.Max(yjs.Count, mine.Count); k++)
        {
            var a = k < yjs.Count ? yjs[k] : "(none)";
            var b = k < mine.Count ? mine[k] : "(none)";
            if (a != b)
            {
                throw new DifferentialFailure(Seed,
                    $"{Describe(r)} and a yjs replica doing the same (liveReplay of its journal) differ at update #{k} of its history ({mine.Count} in C#, {yjs.Count} in yjs)\n yjs: {a}\n  C#: {b}\n journal: {r.Cs.Journal.ToJsonString()}");
            }
        }
        var content = CompatContent.Of(r.Cs.Doc, CsReplica.Roots);
        if (!CompatJson.DeepEquals(res["content"], content, out var path))
        {
            throw new DifferentialFailure(Seed,
                $"{Describe(r)} ends with other content than a yjs replica doing the same (at {path})\n yjs: {CompatJson.Canonical(res["content"])}\n  C#: {CompatJson.Canonical(content)}\n journal: {r.Cs.Journal.ToJsonString()}");
        }
    }

    /// <summary>Replays the history into fresh docs on both sides and reports the first update after which they differ.</summary>
    private static string FirstDivergence(List<byte[]> history, Func<JsonObject, JsonNode?> askYjs)
    {
        var res = askYjs(new JsonObject
        {
            ["op"] = "replaySteps",
            ["us"] = new JsonArray(history.Select(u => (JsonNode)Convert.ToBase64String(u)).ToArray()),
        });
        var contents = res?["contents"]?.AsArray();
        if (contents is null) return $"(yjs replaySteps failed: {res?["error"]})";
        var doc = new Doc(new DocOptions { ClientId = 1 });
        foreach (var (name, kind) in CsReplica.Roots) CompatContent.Root(doc, name, kind);
        for (var i = 0; i < history.Count; i++)
        {
            try
            {
                Y.ApplyUpdate(doc, history[i]);
            }
            catch (Exception e)
            {
                return $"a fresh C# doc throws on update #{i}: {e.GetType().Name}: {e.Message}\n updates 0..{i}:\n   {string.Join("\n   ", history.Take(i + 1).Select(Convert.ToBase64String))}";
            }
            var mine = CompatContent.Of(doc, CsReplica.Roots);
            if (!CompatJson.DeepEquals(contents[i], mine, out var path))
            {
                return $"fresh docs first differ after update #{i} of {history.Count} (at {path}).\n yjs: {CompatJson.Canonical(contents[i])}\n  C#: {CompatJson.Canonical(mine)}\n updates 0..{i} (apply in order to a fresh doc to reproduce):\n   {string.Join("\n   ", history.Take(i + 1).Select(Convert.ToBase64String))}";
            }
        }
        return "fresh C# and yjs docs applying the history one update at a time agree after every update.";
    }

    private JsonNode? _expectedContent;
    private Dictionary<long, long>? _expectedSv;
    private readonly List<(Replica R, byte[] Full)> _fullStates = [];

    /// <summary>A fresh C# doc (roots defined first, as peer.mjs does) after applying the updates in order.</summary>
    private static JsonObject? FreshDoc(IEnumerable<byte[]> updates, out string? error)
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        foreach (var (name, kind) in CsReplica.Roots) CompatContent.Root(doc, name, kind);
        try
        {
            foreach (var u in updates) Y.ApplyUpdate(doc, u);
        }
        catch (Exception e)
        {
            error = e.ToString();
            return null;
        }
        error = null;
        return CompatContent.Of(doc, CsReplica.Roots);
    }

    /// <summary>
    /// Every replica's full state loads in a fresh yjs doc and in a fresh C# doc to the same content, and
    /// to the session's state vector. (Not necessarily to the live replicas' content: loading runs yjs's
    /// formatting cleanup, see CheckReplays.)
    /// </summary>
    public void CheckLoads(IReadOnlyList<JsonNode?> results)
    {
        for (var i = 0; i < _fullStates.Count; i++)
        {
            var (r, full) = _fullStates[i];
            var res = results[i];
            if (res?["error"] is { } e)
            {
                throw new DifferentialFailure(Seed, $"yjs could not load the full state of {Describe(r)}: {e}\nupdate: {Convert.ToBase64String(full)}");
            }
            var mine = FreshDoc([full], out var error);
            if (error is not null)
            {
                throw new DifferentialFailure(Seed, $"C# could not load the full state of {Describe(r)}: {error}\nupdate: {Convert.ToBase64String(full)}");
            }
            if (!CompatJson.DeepEquals(res!["content"], mine, out var path))
            {
                throw new DifferentialFailure(Seed, $"fresh C# and yjs docs loading {Describe(r)}'s full state differ at {path}\n yjs: {CompatJson.Canonical(res["content"])}\n  C#: {CompatJson.Canonical(mine)}\n live content: {CompatJson.Canonical(_expectedContent)}\nupdate: {Convert.ToBase64String(full)}");
            }
            var sv = res["svObj"]!.AsObject().ToDictionary(kv => long.Parse(kv.Key, System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value!.GetValue<long>());
            if (!SameSv(_expectedSv!, sv))
            {
                throw new DifferentialFailure(Seed, $"yjs doc loaded from {Describe(r)}'s full state has state vector {Show(sv)}, expected {Show(_expectedSv!)}");
            }
        }
    }

    private static bool SameSv(Dictionary<long, long> a, Dictionary<long, long> b)
        => a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show(Dictionary<long, long> sv) => "{" + string.Join(",", sv.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}:{kv.Value}")) + "}";

    private static string Describe(Replica r) => $"{(r.IsJs ? "yjs" : "C#")} replica {r.Name} (client {r.Client})";

    private Delivery PickDelivery(bool keepCopy)
    {
        // Mostly recent-ish, sometimes very old: delays and reorders.
        var i = _rng.Next(_network.Count);
        var d = _network[i];
        if (!keepCopy) _network.RemoveAt(i);
        return d;
    }

    private JsonObject? Deliver(Delivery? d)
    {
        if (d is null) return null;
        if (d.Target.IsJs)
        {
            return new JsonObject { ["op"] = "apply", ["r"] = d.Target.Name, ["u"] = Convert.ToBase64String(d.Update) };
        }
        try
        {
            var cs = d.Target.Cs!;
            cs.Apply(d.Update);
            Broadcast(d.Target, cs.Drain());
        }
        catch (Exception e)
        {
            throw new DifferentialFailure(Seed, $"C# replica {d.Target.Name} failed to apply an update: {e}\nupdate: {Convert.ToBase64String(d.Update)}");
        }
        return null;
    }

    private void Broadcast(Replica from, IEnumerable<byte[]> updates)
    {
        foreach (var u in updates)
        {
            _allUpdates.Add(u);
            foreach (var r in _replicas)
            {
                if (r != from) _network.Add(new Delivery(r, u));
            }
        }
    }

    private sealed record Replica(string Name, long Client, CsReplica? Cs)
    {
        public bool IsJs => Cs is null;
    }

    private sealed record Delivery(Replica Target, byte[] Update);
}
