using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

/// <summary>A run of consecutive clocks of one client: an <see cref="Item"/>, a GC range or a Skip.</summary>
public abstract class AbstractStruct
{
    internal long Client;
    internal long Clock;
    internal int Len;

    internal AbstractStruct(long client, long clock, int length)
    {
        Client = client;
        Clock = clock;
        Len = length;
    }

    /// <summary>Id of the first clock of this struct.</summary>
    public Id Id => new(Client, Clock);

    /// <summary>Number of clocks covered.</summary>
    public int Length => Len;

    /// <summary>Whether the content is deleted (always true for GC).</summary>
    public abstract bool Deleted { get; }

    internal abstract bool MergeWith(AbstractStruct right);

    internal abstract void Write(Lib0Writer w, int offset);

    internal abstract void Integrate(Transaction tr, int offset);

    internal abstract long? GetMissing(Transaction tr, StructStore store);
}
