using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// One participant's stance on one clause, as the server recorded it, with the hash of the clause text
/// it was given on (<see cref="ClauseTextHash"/>), so a later change of the text makes it stale.
/// </summary>
public sealed record StanceMarker(
    string ClauseId,
    string ParticipantId,
    string DisplayName,
    StakeholderGroup? Group,
    Stance Stance,
    string? Reason,
    string ClauseTextHash,
    DateTimeOffset GivenAt)
{
    /// <summary>Whether this stance needs a reason (reservations and blocks do).</summary>
    public static bool RequiresReason(Stance stance) => stance is Stance.AgreeWithReservations or Stance.Block;

    /// <summary>Checks a new stance; returns an error message, or null when it is acceptable.</summary>
    public static string? Validate(Stance stance, string? reason) =>
        RequiresReason(stance) && string.IsNullOrWhiteSpace(reason)
            ? "Une réserve ou un blocage doit être motivé. / Reservations and blocks need a reason."
            : null;
}
