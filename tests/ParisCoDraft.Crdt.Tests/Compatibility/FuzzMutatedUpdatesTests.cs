using System.Diagnostics;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// Mutated real updates (from the yjs fixtures) applied to docs: each either applies or throws
/// <see cref="UpdateDecodeException"/>, and a rejected update leaves the doc exactly as it was.
/// </summary>
public sealed class FuzzMutatedUpdatesTests
{
    private const int Cases = 30_000;
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(5);

    [Fact]
    public void MutatedUpdatesApplyOrThrowUpdateDecodeExceptionWithoutChangingTheDoc()
    {
        var corpus = FuzzCorpus.Updates();
        var baseSeed = FuzzSeed.FromEnvironment("PARISCODRAFT_FUZZ_SEED");
        var rejected = 0;
        var applied = 0;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var seed = baseSeed + i;
            var outcome = RunCase(corpus, seed);
            if (outcome) applied++; else rejected++;
        }
        // Both outcomes must occur, or the mutator is not exercising anything.
        Assert.True(applied > Cases / 50, $"only {applied} mutated updates applied (base seed {baseSeed})");
        Assert.True(rejected > Cases / 50, $"only {rejected} mutated updates rejected (base seed {baseSeed})");
        Assert.True(sw.Elapsed < TimeSpan.FromMinutes(2), $"fuzzing took {sw.Elapsed}");
    }

    [Fact]
    public void DoclessUpdateFunctionsOnMutatedUpdatesReturnOrThrowUpdateDecodeException()
    {
        var corpus = FuzzCorpus.Updates();
        var baseSeed = FuzzSeed.FromEnvironment("PARISCODRAFT_FUZZ_SEED");
        var rejected = 0;
        for (var i = 0; i < Cases / 3; i++)
        {
            var seed = baseSeed + i;
            var rng = new Random(seed);
            var victim = corpus[rng.Next(corpus.Count)];
            var other = corpus[rng.Next(corpus.Count)].Update;
            var mutated = UpdateMutator.Mutate(victim.Update, other, rng, out var how);
            var sv = Y.EncodeStateVectorFromUpdate(other);
            var calls = new (string Name, Action Call)[]
            {
                ("MergeUpdates", () => Y.MergeUpdates([other, mutated])),
                ("EncodeStateVectorFromUpdate", () => Y.EncodeStateVectorFromUpdate(mutated)),
                ("DiffUpdate", () => Y.DiffUpdate(mutated, sv)),
            };
            foreach (var (name, call) in calls)
            {
                if (!TryRunBounded(call, out var thrown))
                {
                    Assert.Fail($"seed {seed}: {name} on a mutated update ({how}) of {victim.Name} did not finish within {PerCase}: {Convert.ToBase64String(mutated)}");
                }
                switch (thrown)
                {
                    case null: break;
                    case UpdateDecodeException: rejected++; break;
                    case var e:
                        Assert.Fail($"seed {seed}: {e.GetType().Name} escaped from {name} for a mutated update ({how}) of {victim.Name}: {e}\nupdate: {Convert.ToBase64String(mutated)}");
                        break;
                }
            }
        }
        Assert.True(rejected > 0, $"no mutated update was rejected (base seed {baseSeed})");
    }

    /// <summary>Runs <paramref name="call"/> with a time bound; false if it did not finish.</summary>
    private static bool TryRunBounded(Action call, out Exception? thrown)
    {
        var task = Task.Run(() =>
        {
            try
            {
                call();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        var finished = task.Wait(PerCase);
        thrown = finished ? task.Result : null;
        return finished;
    }

    /// <summary>Runs one case; true if the update applied, false if it was rejected cleanly.</summary>
    internal static bool RunCase(IReadOnlyList<FuzzCorpus.Entry> corpus, int seed)
    {
        var rng = new Random(seed);
        var baseEntry = corpus[rng.Next(corpus.Count)];
        var victim = corpus[rng.Next(corpus.Count)];
        var doc = new Doc(new DocOptions { ClientId = 424242, Gc = baseEntry.Gc });
        // Half the cases start from a doc that already holds a real state.
        if (rng.Next(2) == 0)
        {
            Y.ApplyUpdate(doc, baseEntry.Update);
        }
        var mutated = UpdateMutator.Mutate(victim.Update, corpus[rng.Next(corpus.Count)].Update, rng, out var how);
        var before = DocFingerprint.Of(doc, victim.Roots);

        Exception? thrown = null;
        var task = Task.Run(() =>
        {
            try
            {
                Y.ApplyUpdate(doc, mutated);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        if (!task.Wait(PerCase))
        {
            Assert.Fail($"seed {seed}: applying a mutated update ({how}) of {victim.Name} did not finish within {PerCase}: {Convert.ToBase64String(mutated)}");
        }
        switch (thrown)
        {
            case null:
                // Applied: the doc must still be readable and encodable.
                try
                {
                    _ = DocFingerprint.Of(doc, victim.Roots);
                }
                catch (Exception e)
                {
                    Assert.Fail($"seed {seed}: doc unreadable after accepting mutated update ({how}) of {victim.Name}: {e}\nupdate: {Convert.ToBase64String(mutated)}");
                }
                return true;
            case UpdateDecodeException:
                var after = DocFingerprint.Of(doc, victim.Roots);
                if (!after.Equals(before))
                {
                    Assert.Fail($"seed {seed}: a rejected update ({how}) of {victim.Name} changed the doc:\n before {before}\n  after {after}\nupdate: {Convert.ToBase64String(mutated)}");
                }
                return false;
            default:
                Assert.Fail($"seed {seed}: {thrown.GetType().Name} escaped from ApplyUpdate for a mutated update ({how}) of {victim.Name}: {thrown}\nupdate: {Convert.ToBase64String(mutated)}");
                return false;
        }
    }
}
