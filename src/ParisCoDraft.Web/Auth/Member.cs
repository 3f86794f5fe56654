using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Auth;

/// <summary>A participant proven by their session cookie, with what their role allows.</summary>
public sealed record Member(ParticipantRecord Participant, Role Role)
{
    /// <summary>The bill they belong to.</summary>
    public string BillId => Participant.BillId;

    /// <summary>The participant id.</summary>
    public string ParticipantId => Participant.Id;

    /// <summary>Whether they may change the text.</summary>
    public bool CanEdit => Role.CanEditText();

    /// <summary>Whether they run the workshop (manage links).</summary>
    public bool IsFacilitator => Role.CanFacilitate();

    /// <summary>The wire name of their stakeholder group, or null.</summary>
    public string? Group => GroupWire(Role);

    /// <summary>Their cursor and avatar colour, stable for the participant.</summary>
    public string Color => ParticipantColors.For(Participant.Id);

    /// <summary>Wire name of a role's stakeholder group: citizens, elected-officials, civil-servants, or null.</summary>
    public static string? GroupWire(Role role) => role.Group() switch
    {
        StakeholderGroup.Citizens => "citizens",
        StakeholderGroup.ElectedOfficials => "elected-officials",
        StakeholderGroup.CivilServants => "civil-servants",
        _ => null,
    };
}
