namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// Tests that read something the whole test process shares, and must not see other tests' servers in it:
/// OpenTelemetry listens to every meter named <c>ParisCoDraft</c> in the process, and the captured log holds
/// every server's lines (the hub fuzzing counts its refusals and error lines there).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Runs alone";
}
