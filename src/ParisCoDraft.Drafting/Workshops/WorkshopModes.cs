namespace ParisCoDraft.Drafting.Workshops;

/// <summary>Wire names of <see cref="WorkshopMode"/>: in-person, online, hybrid.</summary>
public static class WorkshopModes
{
    /// <summary>The wire name.</summary>
    public static string ToWire(this WorkshopMode mode) => mode switch
    {
        WorkshopMode.InPerson => "in-person",
        WorkshopMode.Online => "online",
        _ => "hybrid",
    };

    /// <summary>Parses a wire name; false for anything else.</summary>
    public static bool TryParse(string? wire, out WorkshopMode mode)
    {
        foreach (var m in Enum.GetValues<WorkshopMode>())
        {
            if (m.ToWire() == wire)
            {
                mode = m;
                return true;
            }
        }
        mode = default;
        return false;
    }
}
