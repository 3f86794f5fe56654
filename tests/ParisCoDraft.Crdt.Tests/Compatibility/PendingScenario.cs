using System.Text.Json.Nodes;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// One random scenario for <see cref="PendingEncodingPropertyTests"/>: a few C# replicas edit (and now and then
/// sync with each other, so that items depend on other clients), then a target replica receives their updates
/// shuffled, some withheld for a while or for ever, some twice, some merged or diffed on the way: it keeps
/// structs and deletions pending, from several clients, several gaps of one client, a client with both
/// integrated and pending structs, and pending that later becomes partly integrated. At checkpoints the target's
/// state is encoded against many state vectors. A yjs replica (same client id) receives the same deliveries and
/// is asked the same questions, in the commands of <see cref="Commands"/>.
/// </summary>
internal sealed class PendingScenario
{
    // Client ids of one to five varint bytes, so that "descending client order" is not the order of creation.
    private static readonly long[] ClientPool = [1, 3, 7, 42, 300, 70_000, 4_294_967_291, 9_007_199_254_740_991];
    private const long TargetClient = 5;
    private const long UnknownClient = 123_456;

    private readonly Random _rng;
    private readonly List<CsReplica> _sources = [];
    private readonly List<byte[]> _pool = [];

    public PendingScenario(int seed)
    {
        Seed = seed;
        _rng = new Random(seed);
        Name = $"p{seed}";
    }

    public int Seed { get; }

    public string Name { get; }

    /// <summary>The yjs commands, in order; <see cref="Checks"/> say what each answer must equal.</summary>
    public List<JsonObject> Commands { get; } = [];

    /// <summary>For each command that asks yjs a question: its index in <see cref="Commands"/> and our answer.</summary>
    public List<(int Command, string What, byte[] Ours)> Checks { get; } = [];

    /// <summary>Problems found on the C# side alone (an answer our own decoder refuses).</summary>
    public List<string> Failures { get; } = [];

    public void Run()
    {
        try
        {
            RunChecked();
        }
        catch (UpdateDecodeException e)
        {
            Failures.Add($"our own decoder refused one of our answers: {e.Message}\n{e.StackTrace}");
        }
    }

    private void RunChecked()
    {
        var updates = MakeSourceUpdates();
        var target = CsReplica.Create(TargetClient);
        Commands.Add(new JsonObject { ["op"] = "create", ["r"] = Name, ["client"] = TargetClient });
        var deliveries = Shuffle(updates);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i];
            try
            {
                target.Apply(delivery);
            }
            catch (UpdateDecodeException e)
            {
                Failures.Add($"delivery {i} refused by the C# target: {e.Message}");
                return;
            }
            target.Drain();
            Commands.Add(new JsonObject { ["op"] = "apply", ["r"] = Name, ["u"] = Convert.ToBase64String(delivery) });
            if (_rng.Next(3) == 0 || i == deliveries.Count - 1) Checkpoint(target.Doc, $"after delivery {i}");
        }
        for (var k = 0; k < 4; k++) CheckMerge();
        for (var k = 0; k < 4; k++) CheckDiff();
    }

    private List<byte[]> MakeSourceUpdates()
    {
        var count = 2 + _rng.Next(3);
        var ids = ClientPool.OrderBy(_ => _rng.Next()).Take(count).ToList();
        foreach (var id in ids) _sources.Add(CsReplica.Create(id));
        var updates = new List<byte[]>();
        var steps = 8 + _rng.Next(10);
        for (var s = 0; s < steps; s++)
        {
            var r = _sources[_rng.Next(_sources.Count)];
            if (_rng.Next(4) == 0)
            {
                var other = _sources[_rng.Next(_sources.Count)];
                if (other != r) r.Apply(Y.EncodeStateAsUpdate(other.Doc, Y.EncodeStateVector(r.Doc)));
                updates.AddRange(r.Drain());
            }
            else updates.AddRange(r.RandomEdits(_rng.Next(), 1 + _rng.Next(3)));
        }
        _pool.AddRange(updates);
        return updates;
    }

    /// <summary>Roughly the order of creation, with local swaps, withheld updates, duplicates, merges and diffs.</summary>
    private List<byte[]> Shuffle(List<byte[]> updates)
    {
        var spread = 1 + _rng.Next(6);
        var order = updates.Select((u, i) => (u, key: i + _rng.NextDouble() * spread)).OrderBy(x => x.key).Select(x => x.u).ToList();
        var now = new List<byte[]>();
        var withheld = new List<byte[]>();
        foreach (var u in order)
        {
            if (_rng.Next(4) == 0) withheld.Add(u);
            else now.Add(u);
            if (_rng.Next(10) == 0) now.Add(u);
        }
        // Half of the withheld ones arrive at the end (pending becomes partly integrated), the rest never.
        foreach (var u in withheld) if (_rng.Next(2) == 0) now.Add(u);
        var result = new List<byte[]>();
        for (var i = 0; i < now.Count; i++)
        {
            var roll = _rng.Next(10);
            if (roll == 0 && i + 2 < now.Count)
            {
                var merged = Y.MergeUpdates([now[i], now[i + 1], now[i + 2]]);
                AddCheck(new JsonObject { ["op"] = "merge", ["us"] = B64Array([now[i], now[i + 1], now[i + 2]]) }, "merge of deliveries", merged);
                result.Add(merged);
                _pool.Add(merged);
                i += 2;
            }
            else if (roll == 1)
            {
                var sv = Y.EncodeStateVector(_sources[_rng.Next(_sources.Count)].Doc);
                var diff = Y.DiffUpdate(now[i], sv);
                AddCheck(new JsonObject { ["op"] = "diff", ["u"] = Convert.ToBase64String(now[i]), ["sv"] = Convert.ToBase64String(sv) }, "diff of a delivery", diff);
                result.Add(diff);
            }
            else result.Add(now[i]);
        }
        return result;
    }

    /// <summary>Checkpoints where the target had pending structs; of those, with a client both integrated and pending.</summary>
    public int PendingStructCheckpoints { get; private set; }

    public int MixedClientCheckpoints { get; private set; }

    public int PendingDeleteCheckpoints { get; private set; }

    private void Checkpoint(Doc doc, string when)
    {
        var own = Y.DecodeStateVector(Y.EncodeStateVector(doc));
        if (doc.PendingStructCount > 0)
        {
            PendingStructCheckpoints++;
            if (doc.PendingStructRanges.Any(p => own.ContainsKey(p.Client))) MixedClientCheckpoints++;
        }
        if (doc.Store.PendingDeleteSet is not null) PendingDeleteCheckpoints++;
        for (var k = 0; k < 3; k++)
        {
            var (kind, sv) = TargetStateVector(own);
            var encodedSv = Y.EncodeStateVector(sv);
            var ours = Y.EncodeStateAsUpdate(doc, encodedSv);
            var what = $"{when}: EncodeStateAsUpdate against the {kind} state vector {Describe(sv)} (pending {DescribePending(doc)})";
            AddCheck(new JsonObject { ["op"] = "full", ["r"] = Name, ["sv"] = Convert.ToBase64String(encodedSv) }, what, ours);
            try
            {
                Y.ReadUpdateInfo(ours);
                _pool.Add(ours);
            }
            catch (UpdateDecodeException e)
            {
                Failures.Add($"{what}: our own decoder refuses it: {e.Message}");
            }
        }
    }

    private (string Kind, Dictionary<long, long> Sv) TargetStateVector(IReadOnlyDictionary<long, long> own)
    {
        var sv = new Dictionary<long, long>();
        switch (_rng.Next(6))
        {
            case 0:
                return ("empty", sv);
            case 1:
                foreach (var (c, k) in own) sv[c] = k;
                return ("own", sv);
            case 2:
                foreach (var (c, k) in own) if (_rng.Next(3) > 0) sv[c] = _rng.NextInt64(0, k + 1);
                return ("partial", sv);
            case 3:
                foreach (var (c, k) in own) sv[c] = _rng.Next(2) == 0 ? k + 1 + _rng.Next(5) : _rng.NextInt64(0, k + 1);
                foreach (var s in _sources) if (!sv.ContainsKey(s.Doc.ClientId)) sv[s.Doc.ClientId] = _rng.Next(1, 8);
                return ("ahead", sv);
            case 4:
                foreach (var (c, k) in own) if (_rng.Next(2) == 0) sv[c] = k;
                sv[UnknownClient] = _rng.Next(1, 10);
                return ("unknown-client", sv);
            default:
                foreach (var (c, k) in Y.DecodeStateVector(Y.EncodeStateVector(_sources[_rng.Next(_sources.Count)].Doc))) sv[c] = k;
                return ("source", sv);
        }
    }

    private void CheckMerge()
    {
        var n = 2 + _rng.Next(4);
        var set = Enumerable.Range(0, n).Select(_ => _pool[_rng.Next(_pool.Count)]).ToList();
        AddCheck(new JsonObject { ["op"] = "merge", ["us"] = B64Array(set) }, $"MergeUpdates of {n} updates", Y.MergeUpdates(set));
    }

    private void CheckDiff()
    {
        var u = _pool[_rng.Next(_pool.Count)];
        var sv = Y.EncodeStateVector(_sources[_rng.Next(_sources.Count)].Doc);
        AddCheck(new JsonObject { ["op"] = "diff", ["u"] = Convert.ToBase64String(u), ["sv"] = Convert.ToBase64String(sv) }, "DiffUpdate", Y.DiffUpdate(u, sv));
    }

    private void AddCheck(JsonObject command, string what, byte[] ours)
    {
        Checks.Add((Commands.Count, what, ours));
        Commands.Add(command);
    }

    private static JsonArray B64Array(IEnumerable<byte[]> updates) => new(updates.Select(u => (JsonNode)Convert.ToBase64String(u)).ToArray());

    private static string Describe(IReadOnlyDictionary<long, long> sv) => "{" + string.Join(", ", sv.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    private static string DescribePending(Doc doc) => string.Join(" ", doc.PendingStructRanges.Select(p => $"{p.Client}@{p.Clock}+{p.Length}"));
}
