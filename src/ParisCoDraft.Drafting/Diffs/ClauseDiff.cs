using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>One clause compared across two versions (matched by its stable id).</summary>
/// <param name="ClauseId">The clause's id.</param>
/// <param name="Older">The clause in the older version, if it existed.</param>
/// <param name="Newer">The clause in the newer version, if it exists.</param>
/// <param name="Changes">What happened to it.</param>
/// <param name="Heading">Heading diff.</param>
/// <param name="Body">
/// Body diff. For an added or split clause the whole body is inserted; for a withdrawn or merged one the
/// whole body is deleted (its text is kept in the document but leaves the bill).
/// </param>
public sealed record ClauseDiff(string ClauseId, Clause? Older, Clause? Newer, ClauseChanges Changes, TextDiff Heading, TextDiff Body)
{
    /// <summary>Article number in the older version (0 when it was not an article then).</summary>
    public int OlderNumber => Older is { State: ClauseState.Active } o ? o.Number : 0;

    /// <summary>Article number in the newer version (0 when it is not an article now).</summary>
    public int NewerNumber => Newer is { State: ClauseState.Active } n ? n.Number : 0;

    /// <summary>The clause it was merged into, when <see cref="ClauseChanges.Merged"/>.</summary>
    public string? MergedInto => Newer?.MergedInto;

    /// <summary>The clause it was split from, when <see cref="ClauseChanges.Split"/>.</summary>
    public string? SplitFrom => Newer?.SplitFrom;

    /// <summary>
    /// Who made the clause-level change (added, split, merged, withdrawn or moved), when the diff was given the
    /// document's history (<see cref="ClauseAuthorship"/>); null otherwise, and for clauses with no such change.
    /// </summary>
    public ChangeAuthor? By { get; init; }

    /// <summary>Whether <paramref name="change"/> is among <see cref="Changes"/>.</summary>
    public bool Has(ClauseChanges change) => (Changes & change) == change;
}
