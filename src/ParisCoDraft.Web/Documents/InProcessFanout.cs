namespace ParisCoDraft.Web.Documents;

/// <summary>One server process: every update of a bill goes through this process's doc, nothing to do.</summary>
public sealed class InProcessFanout : IUpdateFanout
{
    /// <inheritdoc />
    public Task BeforeSnapshotAsync(DocumentRoom room, long upToSequence, CancellationToken cancellationToken) => Task.CompletedTask;
}
