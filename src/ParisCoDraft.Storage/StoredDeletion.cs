namespace ParisCoDraft.Storage;

/// <summary>
/// Who deleted a range of CRDT items: a delete-set range of an update, with the participant whose
/// connection sent it. The earliest record of an item names its deleter (later ones are relays).
/// </summary>
/// <param name="BillId">The bill.</param>
/// <param name="Sequence">Sequence number of the update that carried it.</param>
/// <param name="Client">The items' Yjs client id.</param>
/// <param name="Clock">First deleted clock.</param>
/// <param name="Length">Number of clocks.</param>
/// <param name="ParticipantId">Who sent the deletion.</param>
public sealed record StoredDeletion(string BillId, long Sequence, long Client, long Clock, long Length, string ParticipantId);
