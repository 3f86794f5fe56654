namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>
/// Base seeds for randomized tests: a fresh one each run (more ground covered over time), printed in
/// every failure message; set the environment variable to replay a failing run.
/// </summary>
internal static class FuzzSeed
{
    public static int FromEnvironment(string variable)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), out var s) ? s : Random.Shared.Next(1, int.MaxValue / 2);
}
