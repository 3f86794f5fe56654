namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>A divergence found by a differential session; the message starts with the session's seed.</summary>
internal sealed class DifferentialFailure(int seed, string message) : Exception($"session seed {seed}: {message}")
{
    public int Seed { get; } = seed;
}
