using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// One typist's keystrokes into its own text, one character per update, so keystroke <c>i</c> is clock <c>i</c> of
/// the replica's client id: what was typed, what the server acknowledged, and what it refused with which code.
/// </summary>
public sealed class Keystrokes(string textName)
{
    private readonly List<int> _acked = [];

    /// <summary>Keystrokes typed so far (sent or not).</summary>
    public int Typed { get; private set; }

    /// <summary>Keystrokes whose <c>Sync</c> completed without error.</summary>
    public IReadOnlyList<int> Acknowledged => _acked;

    /// <summary>Types one character into <paramref name="peer"/>'s replica and sends it; the rejection code, or null once acknowledged.</summary>
    public async Task<string?> TypeAsync(Peer peer)
    {
        var k = Typed;
        var update = Type(peer, k);
        try
        {
            Assert.Null(await peer.SendUpdateAsync(update).Bounded());
            _acked.Add(k);
            return null;
        }
        catch (HubInvocationException e)
        {
            return e.Code;
        }
    }

    /// <summary>Types one character into the replica without sending it: the tab has no server to send it to.</summary>
    public void TypeOffline(Peer peer) => Type(peer, Typed);

    /// <summary>How many acknowledged keystrokes <paramref name="stored"/> does not hold.</summary>
    public int LostFrom(StoredClocks stored, long clientId) => _acked.Count(k => !stored.Holds(clientId, k));

    private byte[] Type(Peer peer, int k)
    {
        var update = peer.Edit(d => d.GetText(textName).Insert(d.GetText(textName).Length, ((char)('a' + k % 26)).ToString()));
        Typed++;
        return update;
    }
}
