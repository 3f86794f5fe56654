using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>Wire names of the deliberation enums (JSON, the store, the browser).</summary>
public static class DeliberationNames
{
    /// <summary>agree, reservations, disagree, block.</summary>
    public static string ToWire(this Stance stance) => stance switch
    {
        Stance.Agree => "agree",
        Stance.AgreeWithReservations => "reservations",
        Stance.Disagree => "disagree",
        Stance.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(stance)),
    };

    /// <summary>Parses a stance's wire name.</summary>
    public static bool TryParseStance(string? wire, out Stance stance)
    {
        foreach (var s in Enum.GetValues<Stance>())
        {
            if (s.ToWire() == wire)
            {
                stance = s;
                return true;
            }
        }
        stance = default;
        return false;
    }

    /// <summary>not-assessed, consensus, close, contested, blocked.</summary>
    public static string ToWire(this ConsensusState state) => state switch
    {
        ConsensusState.NotAssessed => "not-assessed",
        ConsensusState.Consensus => "consensus",
        ConsensusState.Close => "close",
        ConsensusState.Contested => "contested",
        ConsensusState.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>unanimity, majority.</summary>
    public static string ToWire(this ApprovalRule rule) => rule == ApprovalRule.Majority ? "majority" : "unanimity";

    /// <summary>Parses an approval rule's wire name.</summary>
    public static bool TryParseApprovalRule(string? wire, out ApprovalRule rule)
    {
        rule = wire == "majority" ? ApprovalRule.Majority : ApprovalRule.Unanimity;
        return wire is "majority" or "unanimity";
    }

    /// <summary>citizens, elected-officials, civil-servants.</summary>
    public static string ToWire(this StakeholderGroup group) => group switch
    {
        StakeholderGroup.Citizens => "citizens",
        StakeholderGroup.ElectedOfficials => "elected-officials",
        StakeholderGroup.CivilServants => "civil-servants",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };
}
