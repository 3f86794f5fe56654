using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Web.Documents;

/// <summary>One server process: the hub's own relay reaches every connection of a bill, nothing to share.</summary>
public sealed class InProcessPresence : IPresenceFanout
{
    /// <inheritdoc />
    public void Publish(DocumentRoom room, IReadOnlyList<AwarenessEntry> entries)
    {
    }

    /// <inheritdoc />
    public void Joined(DocumentRoom room)
    {
    }
}
