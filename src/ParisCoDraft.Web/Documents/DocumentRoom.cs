using ParisCoDraft.Crdt;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// One bill's document in memory, shared by every connection of the bill. <see cref="Gate"/> guards the
/// Doc and the counters; nothing inside it awaits.
/// </summary>
public sealed class DocumentRoom
{
    internal DocumentRoom(string billId, Doc doc, long appliedSequence)
    {
        BillId = billId;
        Doc = doc;
        AppliedSequence = appliedSequence;
    }

    /// <summary>The bill.</summary>
    public string BillId { get; }

    /// <summary>Guards <see cref="Doc"/>, the sequence bookkeeping and <see cref="Awareness"/>.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>The document; only touched under <see cref="Gate"/>.</summary>
    internal Doc Doc { get; }

    /// <summary>Highest sequence number applied to <see cref="Doc"/>.</summary>
    internal long AppliedSequence { get; private set; }

    /// <summary>Updates appended (or being appended) but not yet applied.</summary>
    internal int InFlight { get; private set; }

    /// <summary>Updates applied since the last compaction.</summary>
    internal int SinceCompaction { get; set; }

    /// <summary>Set while a compaction of this room runs.</summary>
    internal int Compacting;

    /// <summary>Latest awareness state per client id: (clock, JSON) as relayed.</summary>
    internal Dictionary<long, (long Clock, string Json)> Awareness { get; } = [];

    /// <summary>Client ids whose <see cref="Awareness"/> state changed since the last batch was relayed.</summary>
    internal HashSet<long> AwarenessDirty { get; } = [];

    /// <summary>Connections that changed the dirty states (a batch from a single one skips that connection).</summary>
    internal HashSet<string> AwarenessSenders { get; } = [];

    /// <summary>Set while a batch relay is scheduled; no timer exists while nothing is dirty.</summary>
    internal bool AwarenessFlushScheduled { get; set; }

    /// <summary>Set when the room is unloaded; a connection still holding it may no longer write through it.</summary>
    internal bool Closed { get; private set; }

    /// <summary>
    /// Marks an update as on its way to the store; false when the room is closed. Call under <see cref="Gate"/>.
    /// </summary>
    internal bool TryBeginAppend()
    {
        if (Closed) return false;
        InFlight++;
        return true;
    }

    /// <summary>Closes the room if nothing is in flight; call under <see cref="Gate"/>.</summary>
    internal bool TryClose()
    {
        if (InFlight > 0) return false;
        Closed = true;
        return true;
    }

    /// <summary>Applies a durably stored update; call under <see cref="Gate"/>.</summary>
    internal void ApplyStored(byte[] update, long sequence, object origin)
    {
        try
        {
            Y.ApplyUpdate(Doc, update, origin);
        }
        finally
        {
            InFlight--;
            if (sequence > AppliedSequence) AppliedSequence = sequence;
            SinceCompaction++;
        }
    }

    /// <summary>Gives up an append that failed; call under <see cref="Gate"/>.</summary>
    internal void AbandonAppend() => InFlight--;
}
