namespace ParisCoDraft.Crdt.Protocols;

/// <summary>
/// y-protocols awareness: per-client JSON states with clocks. A state not renewed within
/// <see cref="OutdatedTimeout"/> (30 s) is removed by <see cref="CheckTimeouts"/>; the local state is renewed
/// once half of that has passed.
/// </summary>
public sealed class Awareness
{
    /// <summary>The timeout after which a remote state is considered gone.</summary>
    public static readonly TimeSpan OutdatedTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, string> _states = new();
    private readonly Dictionary<long, AwarenessMeta> _meta = new();
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>Creates the awareness of <paramref name="clientId"/>; with <paramref name="withLocalState"/> the local state starts as {} like yjs.</summary>
    public Awareness(long clientId, bool withLocalState = true, Func<DateTimeOffset>? clock = null)
    {
        ClientId = clientId;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
        if (withLocalState) SetLocalState("{}");
    }

    /// <summary>The local client id.</summary>
    public long ClientId { get; }

    /// <summary>States by client, as JSON text.</summary>
    public IReadOnlyDictionary<long, string> States => _states;

    /// <summary>Clocks by client.</summary>
    public IReadOnlyDictionary<long, AwarenessMeta> Meta => _meta;

    /// <summary>Raised when a state was added, removed or changed content.</summary>
    public event EventHandler<AwarenessChange>? Changed;

    /// <summary>Raised on every accepted update, even when the content is the same (renewals).</summary>
    public event EventHandler<AwarenessChange>? Updated;

    /// <summary>The local state JSON, or null.</summary>
    public string? LocalState => _states.TryGetValue(ClientId, out var s) ? s : null;

    /// <summary>Sets (or with null / "null", clears) the local state.</summary>
    public void SetLocalState(string? json)
    {
        if (json is not null) json = AwarenessUpdate.Normalize(json);
        if (json == "null") json = null;
        long clock = _meta.TryGetValue(ClientId, out var m) ? m.Clock + 1 : 0;
        _states.TryGetValue(ClientId, out var prev);
        if (json is null) _states.Remove(ClientId);
        else _states[ClientId] = json;
        _meta[ClientId] = new AwarenessMeta(clock, _clock());
        var added = new List<long>();
        var updated = new List<long>();
        var filtered = new List<long>();
        var removed = new List<long>();
        if (json is null) removed.Add(ClientId);
        else if (prev is null) added.Add(ClientId);
        else
        {
            updated.Add(ClientId);
            if (prev != json) filtered.Add(ClientId);
        }
        if (added.Count > 0 || filtered.Count > 0 || removed.Count > 0) Changed?.Invoke(this, new AwarenessChange(added, filtered, removed, "local"));
        Updated?.Invoke(this, new AwarenessChange(added, updated, removed, "local"));
    }

    /// <summary>Encodes the given clients' states (clients without meta are skipped).</summary>
    public byte[] EncodeUpdate(IEnumerable<long> clients)
    {
        var entries = new List<AwarenessEntry>();
        foreach (var c in clients)
        {
            if (!_meta.TryGetValue(c, out var m)) continue;
            entries.Add(new AwarenessEntry(c, m.Clock, _states.TryGetValue(c, out var s) ? s : "null"));
        }
        return AwarenessUpdate.Encode(entries);
    }

    /// <summary>Applies an awareness update (y-protocols applyAwarenessUpdate). Throws <see cref="UpdateDecodeException"/> on bad input, before changing anything.</summary>
    public void ApplyUpdate(ReadOnlySpan<byte> update, object? origin = null, DateTimeOffset? now = null)
    {
        var entries = AwarenessUpdate.Decode(update);
        var timestamp = now ?? _clock();
        var added = new List<long>();
        var updated = new List<long>();
        var filtered = new List<long>();
        var removed = new List<long>();
        foreach (var e in entries)
        {
            long clientId = e.ClientId;
            long clock = e.Clock;
            string? state = e.IsRemoval ? null : e.Json;
            bool hadMeta = _meta.TryGetValue(clientId, out var meta);
            _states.TryGetValue(clientId, out var prevState);
            long currClock = hadMeta ? meta.Clock : 0;
            if (currClock < clock || (currClock == clock && state is null && _states.ContainsKey(clientId)))
            {
                if (state is null)
                {
                    if (clientId == ClientId && LocalState is not null) clock++;
                    else _states.Remove(clientId);
                }
                else _states[clientId] = state;
                _meta[clientId] = new AwarenessMeta(clock, timestamp);
                if (!hadMeta && state is not null) added.Add(clientId);
                else if (hadMeta && state is null) removed.Add(clientId);
                else if (state is not null)
                {
                    if (state != prevState) filtered.Add(clientId);
                    updated.Add(clientId);
                }
            }
        }
        if (added.Count > 0 || filtered.Count > 0 || removed.Count > 0) Changed?.Invoke(this, new AwarenessChange(added, filtered, removed, origin));
        if (added.Count > 0 || updated.Count > 0 || removed.Count > 0) Updated?.Invoke(this, new AwarenessChange(added, updated, removed, origin));
    }

    /// <summary>Removes the given clients' states (y-protocols removeAwarenessStates).</summary>
    public void RemoveStates(IEnumerable<long> clients, object? origin = null)
    {
        var removed = new List<long>();
        foreach (var c in clients)
        {
            if (_states.Remove(c))
            {
                if (c == ClientId)
                {
                    var cur = _meta[c];
                    _meta[c] = new AwarenessMeta(cur.Clock + 1, _clock());
                }
                removed.Add(c);
            }
        }
        if (removed.Count > 0)
        {
            var change = new AwarenessChange([], [], removed, origin);
            Changed?.Invoke(this, change);
            Updated?.Invoke(this, change);
        }
    }

    /// <summary>
    /// The periodic check of y-protocols, given the current time: renews the local state when half the timeout
    /// has passed, and removes remote states not updated for <see cref="OutdatedTimeout"/> (origin "timeout").
    /// Returns the removed clients.
    /// </summary>
    public IReadOnlyList<long> CheckTimeouts(DateTimeOffset now)
    {
        if (LocalState is { } local && _meta.TryGetValue(ClientId, out var lm) && OutdatedTimeout / 2 <= now - lm.LastUpdated)
        {
            SetLocalState(local);
            _meta[ClientId] = _meta[ClientId] with { LastUpdated = now };
        }
        var remove = new List<long>();
        foreach (var (c, m) in _meta)
        {
            if (c != ClientId && OutdatedTimeout <= now - m.LastUpdated && _states.ContainsKey(c)) remove.Add(c);
        }
        if (remove.Count > 0) RemoveStates(remove, "timeout");
        return remove;
    }
}
