using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// Presence (awareness: cursors, who is here) across server processes, beside <see cref="IUpdateFanout"/>.
/// In one process (<see cref="InProcessPresence"/>) the hub's relay already reaches everyone. With PostgreSQL
/// (<see cref="PostgresPresence"/>) each process shares the states its own connections make, and shows the
/// other processes' states to its own connections without sharing them again (no echo, no loop).
/// </summary>
public interface IPresenceFanout
{
    /// <summary>States (removals included) made by this process's own connections, as relayed to them.</summary>
    void Publish(DocumentRoom room, IReadOnlyList<AwarenessEntry> entries);

    /// <summary>A connection of this process joined the room (the first join of a room asks the others for their states).</summary>
    void Joined(DocumentRoom room);
}
