namespace ParisCoDraft.Web.Documents;

public sealed partial class DocumentRooms
{
    /// <summary>
    /// The bill's room if it is loaded or being loaded here (without counting a user), else null. A load
    /// under way may have read the log before an update another process just appended: the caller awaits
    /// it and applies that update anyway (applying an update twice changes nothing).
    /// </summary>
    internal Task<DocumentRoom>? TryGetLoading(string billId)
    {
        lock (_gate) return _rooms.TryGetValue(billId, out var entry) ? entry.Load : null;
    }

    /// <summary>The rooms loaded now.</summary>
    internal List<DocumentRoom> LoadedRooms()
    {
        lock (_gate)
        {
            var list = new List<DocumentRoom>(_rooms.Count);
            foreach (var entry in _rooms.Values)
            {
                if (entry.Load.IsCompletedSuccessfully) list.Add(entry.Load.Result);
            }
            return list;
        }
    }
}
