using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Api;

namespace ParisCoDraft.Web.Documents;

/// <summary>
/// One bill's document in memory, shared by every connection of the bill. <see cref="Gate"/> guards the
/// Doc and the counters; nothing inside it awaits.
/// </summary>
public sealed class DocumentRoom
{
    private readonly YText _title;
    private readonly BillTitles? _titles;
    private bool _titleTouched;

    internal DocumentRoom(string billId, Doc doc, long appliedSequence, BillTitles? titles = null)
    {
        BillId = billId;
        Doc = doc;
        AppliedSequence = appliedSequence;
        _titles = titles;
        _title = doc.GetText(BillDocument.TitleRoot);
        Title = InputRules.DocumentTitle(_title.ToString());
        // Only a transaction that touched the title text sets this: every other update costs nothing more.
        _title.Observe((_, _) => _titleTouched = true);
    }

    /// <summary>The bill.</summary>
    public string BillId { get; }

    /// <summary>Guards <see cref="Doc"/>, the sequence bookkeeping and <see cref="Awareness"/>.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>The document; only touched under <see cref="Gate"/>.</summary>
    internal Doc Doc { get; }

    /// <summary>Highest sequence number applied to <see cref="Doc"/>.</summary>
    internal long AppliedSequence { get; private set; }

    private readonly List<InFlightAppend> _appending = [];

    /// <summary>Updates appended (or being appended) but not yet applied.</summary>
    internal int InFlight => _appending.Count;

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

    /// <summary>
    /// The document's title as the store should hold it (<see cref="InputRules.DocumentTitle"/>): the last
    /// non-empty one. Only touched under <see cref="Gate"/>.
    /// </summary>
    internal string? Title { get; private set; }

    /// <summary>Set when the room is unloaded; a connection still holding it may no longer write through it.</summary>
    internal bool Closed { get; private set; }

    /// <summary>
    /// Marks an update as on its way to the store, with the structs and deletions it brings; null when the room
    /// is closed. End it with <see cref="ApplyStored"/> or <see cref="AbandonAppend"/>. Call under <see cref="Gate"/>.
    /// </summary>
    internal InFlightAppend? TryBeginAppend(IReadOnlyList<StructInfo> structs, IReadOnlyList<(long Client, long Clock, long Length)> deletions)
    {
        if (Closed) return null;
        var append = new InFlightAppend(structs, deletions);
        _appending.Add(append);
        return append;
    }

    /// <summary>
    /// An append in flight that brings some of the same structs or deletions, if any: wait for it, then look
    /// again at what is still new. Call under <see cref="Gate"/>.
    /// </summary>
    internal Task? AppendBringingAnyOf(IReadOnlyList<StructInfo> structs, IReadOnlyList<(long Client, long Clock, long Length)> deletions)
    {
        foreach (var append in _appending)
        {
            if (append.Overlaps(structs, deletions)) return append.Done;
        }
        return null;
    }

    /// <summary>Closes the room if nothing is in flight; call under <see cref="Gate"/>.</summary>
    internal bool TryClose()
    {
        if (InFlight > 0) return false;
        Closed = true;
        return true;
    }

    /// <summary>Applies a durably stored update and ends its append; call under <see cref="Gate"/>.</summary>
    internal void ApplyStored(InFlightAppend append, byte[] update, long sequence, object origin)
    {
        try
        {
            Y.ApplyUpdate(Doc, update, origin);
        }
        finally
        {
            EndAppend(append);
            if (sequence > AppliedSequence) AppliedSequence = sequence;
            SinceCompaction++;
            NoteTitleChange();
        }
    }

    /// <summary>
    /// After updates were applied to <see cref="Doc"/>: when they changed the title, hands the new one to the
    /// store's writer (which coalesces and writes it later, off this gate). Call under <see cref="Gate"/>.
    /// </summary>
    internal void NoteTitleChange()
    {
        if (!_titleTouched) return;
        _titleTouched = false;
        // An emptied title keeps the last one: a bill always has a name to show.
        if (InputRules.DocumentTitle(_title.ToString()) is not { } title || title == Title) return;
        Title = title;
        _titles?.Changed(BillId, title);
    }

    /// <summary>Hands <see cref="Title"/> to the writer again (the store holds another one). Call under <see cref="Gate"/>.</summary>
    internal void ResendTitle()
    {
        if (Title is { } title) _titles?.Changed(BillId, title);
    }

    /// <summary>Gives up an append that failed; call under <see cref="Gate"/>.</summary>
    internal void AbandonAppend(InFlightAppend append) => EndAppend(append);

    private void EndAppend(InFlightAppend append)
    {
        _appending.Remove(append);
        append.End();
    }
}
