namespace ParisCoDraft.Storage;

/// <summary>A co-writing workshop of a bill as stored.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="BillId">The bill.</param>
/// <param name="Name">Its name ("Atelier 2 — mobilités").</param>
/// <param name="Date">The day it is held, ISO <c>yyyy-MM-dd</c>.</param>
/// <param name="Place">Where (an address, or the video link's name).</param>
/// <param name="Mode"><c>in-person</c>, <c>online</c> or <c>hybrid</c>.</param>
/// <param name="State"><c>planned</c>, <c>open</c> or <c>closed</c>.</param>
/// <param name="Created">When it was planned.</param>
/// <param name="Opened">When the facilitator opened it, if they did.</param>
/// <param name="Closed">When the facilitator closed it, if they did.</param>
public sealed record StoredWorkshop(
    string Id,
    string BillId,
    string Name,
    string Date,
    string Place,
    string Mode,
    string State,
    DateTimeOffset Created,
    DateTimeOffset? Opened,
    DateTimeOffset? Closed);
