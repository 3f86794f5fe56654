namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What is known of who made a clause-level change (a move, a withdrawal, an added, split or merged clause).</summary>
public enum ChangeAuthorKind
{
    /// <summary>A participant bound to the writing client id (see <see cref="ChangeAuthor.Group"/> and <see cref="ChangeAuthor.Role"/>).</summary>
    Participant,

    /// <summary>The server's adoption of an amendment, bound to the facilitator who adopted it.</summary>
    AdoptedAmendment,

    /// <summary>The writing client id is bound to nobody the server knows (e.g. the server itself set the bill up).</summary>
    Unknown,
}
