using System.Text.Json;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Deliberation;

// Several processes on one database: each holds its own copy of a bill's deliberation. A copy is brought
// up to date when another process's change is announced (ChangedElsewhere) and, in any case, before every
// action (CatchUpAsync, under the store's hold). Either way this process's connections are sent what
// changed, as the same events an action sends.
public sealed partial class DeliberationService
{
    /// <summary>
    /// Another process changed the bill's deliberation. If this process holds the bill, it reloads it (under
    /// the bill's mutex) and sends its own connections what changed; the update path enforces the new locks
    /// from then on. Returns at once (it is called on the listening loop).
    /// </summary>
    public void ChangedElsewhere(string billId)
    {
        // Not loaded here (or its room still loading): the next load reads the change from the store.
        if (rooms.TryGetLoading(billId) is not { IsCompletedSuccessfully: true } loading) return;
        var room = loading.Result;
        if (!_bills.TryGetValue(room, out var lazy) || !lazy.IsValueCreated) return;
        _ = RefreshAsync(room, lazy.Value);
    }

    private async Task RefreshAsync(DocumentRoom room, Task<BillDeliberation> loading)
    {
        try
        {
            var b = await loading.ConfigureAwait(false);
            // One reload waiting is enough: it reads everything committed before it starts.
            if (Interlocked.Exchange(ref b.RefreshQueued, 1) == 1) return;
            await b.Mutex.WaitAsync().ConfigureAwait(false);
            try
            {
                Volatile.Write(ref b.RefreshQueued, 0);
                await ReloadAsync(b, room).ConfigureAwait(false);
            }
            finally
            {
                b.Mutex.Release();
            }
        }
#pragma warning disable CA1031 // a failed refresh is caught up by the next action (it compares revisions)
        catch (Exception e)
#pragma warning restore CA1031
        {
            DeliberationLog.RefreshFailed(logger, e, room.BillId);
        }
    }

    /// <summary>Reloads the bill's deliberation when the store's revision is not the one held. Call under the bill's mutex.</summary>
    private async Task CatchUpAsync(BillDeliberation b, DocumentRoom room)
    {
        var revision = await records.DeliberationRevisionAsync(b.BillId, CancellationToken.None).ConfigureAwait(false);
        if (revision != b.Revision) await ReloadAsync(b, room).ConfigureAwait(false);
    }

    /// <summary>Reloads the bill's deliberation and sends this process's connections what changed. Call under the bill's mutex.</summary>
    private async Task ReloadAsync(BillDeliberation b, DocumentRoom room)
    {
        var loaded = await records.LoadDeliberationAsync(b.BillId, CancellationToken.None).ConfigureAwait(false);
        if (loaded.Revision == b.Revision) return;
        var session = JsonSerializer.Serialize(SessionViewOf(b), Json);
        var comments = new Dictionary<string, CommentRecord>(b.Comments, StringComparer.Ordinal);
        var stances = new Dictionary<(string Target, string Participant), StanceRecord>(b.Stances);
        var amendments = new Dictionary<string, AmendmentRecord>(b.Amendments, StringComparer.Ordinal);
        var from = b.Revision;
        Fill(b, loaded);
        DeliberationLog.Reloaded(logger, b.BillId, from, loaded.Revision);

        if (JsonSerializer.Serialize(SessionViewOf(b), Json) != session) await BroadcastSessionAsync(b).ConfigureAwait(false);
        foreach (var c in b.Comments.Values)
        {
            if (!comments.TryGetValue(c.Id, out var was) || !SameComment(was, c)) await PublishCommentAsync(c, room).ConfigureAwait(false);
        }
        foreach (var (key, s) in b.Stances)
        {
            if (!stances.TryGetValue(key, out var was) || was != s)
            {
                await BroadcastAsync(b.BillId, "Stance", new StanceChange(key.Target, key.Participant, StanceViewOf(s))).ConfigureAwait(false);
            }
        }
        foreach (var key in stances.Keys)
        {
            if (!b.Stances.ContainsKey(key)) await BroadcastAsync(b.BillId, "Stance", new StanceChange(key.Target, key.Participant, null)).ConfigureAwait(false);
        }
        foreach (var a in b.Amendments.Values)
        {
            if (!amendments.TryGetValue(a.Id, out var was) || was != a) await PublishAmendmentAsync(a).ConfigureAwait(false);
        }
    }

    // A comment's range never changes once given; its two byte arrays would only compare by reference.
    private static bool SameComment(CommentRecord a, CommentRecord b) =>
        a with { AnchorStart = null, AnchorEnd = null } == b with { AnchorStart = null, AnchorEnd = null };
}
