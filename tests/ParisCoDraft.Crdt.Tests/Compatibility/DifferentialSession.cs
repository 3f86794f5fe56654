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
        var merged = Y.MergeUpdates(batch.Select(d => d.Update).ToList());
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
        foreach (var s in states)
        {
            if (s.R.IsJs)
            {
                // yjs's full state loads in C# to the same content and state vector.
                var doc = new Doc(new DocOptions { ClientId = 1 });
                try
                {
                    Y.ApplyUpdate(doc, s.Full);
                }
                catch (Exception e)
                {
                    throw new DifferentialFailure(Seed, $"C# could not load the full state of {Describe(s.R)}: {e}\nupdate: {Convert.ToBase64String(s.Full)}");
                }
                var content = CompatContent.Of(doc, CsReplica.Roots);
                if (!CompatJson.DeepEquals(first.Content, content, out var path))
                {
                    throw new DifferentialFailure(Seed, $"C# doc loaded from {Describe(s.R)}'s full state differs at {path}\n expected: {CompatJson.Canonical(first.Content)}\n   actual: {CompatJson.Canonical(content)}");
                }
            }
            else
            {
                _csFullStates.Add((s.R, s.Full));
                cmds.Add(new JsonObject { ["op"] = "load", ["u"] = Convert.ToBase64String(s.Full) });
            }
        }
        return cmds;
    }

    private JsonNode? _expectedContent;
    private Dictionary<long, long>? _expectedSv;
    private readonly List<(Replica R, byte[] Full)> _csFullStates = [];

    /// <summary>Checks what yjs made of the C# full states.</summary>
    public void CheckLoads(IReadOnlyList<JsonNode?> results)
    {
        for (var i = 0; i < _csFullStates.Count; i++)
        {
            var (r, full) = _csFullStates[i];
            var res = results[i];
            if (res?["error"] is { } e)
            {
                throw new DifferentialFailure(Seed, $"yjs could not load the full state of {Describe(r)}: {e}\nupdate: {Convert.ToBase64String(full)}");
            }
            if (!CompatJson.DeepEquals(_expectedContent, res!["content"], out var path))
            {
                throw new DifferentialFailure(Seed, $"yjs doc loaded from {Describe(r)}'s full state differs at {path}\n expected: {CompatJson.Canonical(_expectedContent)}\n   actual: {CompatJson.Canonical(res["content"])}");
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
            Y.ApplyUpdate(d.Target.Cs!.Doc, d.Update, "remote");
            Broadcast(d.Target, d.Target.Cs.Drain());
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
