using Microsoft.Extensions.Options;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// Counts the hub connections each participant has joined to each bill on this process and refuses the
/// one past <see cref="SecurityOptions.ConnectionsPerParticipant"/>. A place is reserved before Join does any
/// work, so fifty Joins sent at once cannot all slip under the cap; it is given back when the Join fails or
/// the connection ends.
/// </summary>
public sealed class ConnectionCap(IOptions<SecurityOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Bill, string Participant), int> _counts = [];
    private readonly Dictionary<string, HashSet<(string Bill, string Participant)>> _byConnection = new(StringComparer.Ordinal);

    /// <summary>The cap.</summary>
    public int Limit => Math.Max(1, options.Value.ConnectionsPerParticipant);

    /// <summary>
    /// Reserves a place for <paramref name="connectionId"/>. True when it holds one (<paramref name="added"/>
    /// tells whether it is new: a second Join of the same bill on one connection takes no second place);
    /// false, with the places already taken in <paramref name="count"/>, when the cap is reached.
    /// </summary>
    public bool TryReserve(string connectionId, string billId, string participantId, out bool added, out int count)
    {
        var key = (billId, participantId);
        lock (_gate)
        {
            _counts.TryGetValue(key, out count);
            if (_byConnection.TryGetValue(connectionId, out var held) && held.Contains(key))
            {
                added = false;
                return true;
            }
            added = false;
            if (count >= Limit) return false;
            _counts[key] = count + 1;
            if (held is null) _byConnection[connectionId] = held = [];
            held.Add(key);
            added = true;
            return true;
        }
    }

    /// <summary>Gives back one reservation (a Join that failed after reserving).</summary>
    public void Release(string connectionId, string billId, string participantId)
    {
        lock (_gate)
        {
            if (_byConnection.TryGetValue(connectionId, out var held) && held.Remove((billId, participantId)))
            {
                Decrement((billId, participantId));
                if (held.Count == 0) _byConnection.Remove(connectionId);
            }
        }
    }

    /// <summary>Gives back every place a connection held (it ended).</summary>
    public void ReleaseAll(string connectionId)
    {
        lock (_gate)
        {
            if (!_byConnection.Remove(connectionId, out var held)) return;
            foreach (var key in held) Decrement(key);
        }
    }

    /// <summary>The places a participant holds on a bill.</summary>
    public int CountOf(string billId, string participantId)
    {
        lock (_gate) return _counts.GetValueOrDefault((billId, participantId));
    }

    private void Decrement((string Bill, string Participant) key)
    {
        var n = _counts[key] - 1;
        if (n <= 0) _counts.Remove(key);
        else _counts[key] = n;
    }
}
