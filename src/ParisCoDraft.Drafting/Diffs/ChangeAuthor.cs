using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Who made a clause-level change between two versions: the writer of the CRDT entry that holds the newer
/// value (the clause's <c>order</c> for a move, its <c>state</c> for a withdrawal or reinstatement, the
/// clause map itself for an added or split clause, <c>mergedInto</c> for a merge).
/// </summary>
/// <param name="Change">The change this is about (one of Added, Split, Merged, Withdrawn, Moved).</param>
/// <param name="Kind">Participant, adopted amendment or unknown.</param>
/// <param name="Group">The writer's stakeholder group; null for facilitators and when unknown.</param>
/// <param name="Role">The writer's role, when known.</param>
/// <param name="Name">The writer's display name, when known.</param>
/// <param name="Others">How many other people also wrote that entry between the two versions (e.g. an earlier move).</param>
public sealed record ChangeAuthor(ClauseChanges Change, ChangeAuthorKind Kind, StakeholderGroup? Group, Role? Role, string? Name, int Others)
{
    /// <summary>
    /// One word for who it was, as on the wire: <c>citizens</c>, <c>elected-officials</c>, <c>civil-servants</c>,
    /// <c>facilitator</c>, <c>adopted-amendment</c>, or <c>unknown</c> (also for a bound participant without a group or facilitation role).
    /// </summary>
    public string Who => Kind switch
    {
        ChangeAuthorKind.AdoptedAmendment => "adopted-amendment",
        ChangeAuthorKind.Participant => Group switch
        {
            StakeholderGroup.Citizens => "citizens",
            StakeholderGroup.ElectedOfficials => "elected-officials",
            StakeholderGroup.CivilServants => "civil-servants",
            _ => Role == Bills.Role.Facilitator ? "facilitator" : "unknown",
        },
        _ => "unknown",
    };

    /// <summary>Nobody known wrote it.</summary>
    public static ChangeAuthor Unknown(ClauseChanges change, int others) => new(change, ChangeAuthorKind.Unknown, null, null, null, others);
}
