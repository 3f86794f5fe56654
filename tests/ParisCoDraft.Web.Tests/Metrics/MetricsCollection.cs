namespace ParisCoDraft.Web.Tests.Metrics;

/// <summary>
/// Runs alone: OpenTelemetry listens to every meter named <c>ParisCoDraft</c> in the process, so another test's
/// server running at the same time would add its connections and updates to the figures checked here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Metrics";
}
