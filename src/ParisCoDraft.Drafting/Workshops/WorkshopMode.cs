namespace ParisCoDraft.Drafting.Workshops;

/// <summary>How people attend a workshop.</summary>
public enum WorkshopMode
{
    /// <summary>Everyone in one room.</summary>
    InPerson,

    /// <summary>Everyone remote.</summary>
    Online,

    /// <summary>Some in the room, some remote.</summary>
    Hybrid,
}
