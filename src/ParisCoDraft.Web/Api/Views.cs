using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Api;

/// <summary>Store records to wire views.</summary>
internal static class Views
{
    public static ParticipantView Participant(ParticipantRecord p, Role role, bool online) => new(
        p.Id, p.DisplayName, role.ToWire(), Member.GroupWire(role), role.CanEditText(), ParticipantColors.For(p.Id), p.Joined, online);
}
