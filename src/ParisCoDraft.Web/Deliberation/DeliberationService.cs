using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.Web.Deliberation;

/// <summary>
/// The deliberation of every bill: comments, stances, amendments, the facilitator's session
/// (agenda, focus, locks, rounds, rules) and the approval vote. Each action checks the role, writes the
/// store with its audit line in one transaction, updates the bill's state in memory and tells every
/// connection of the bill (hub events <c>Comment</c>, <c>Stance</c>, <c>Amendment</c>, <c>Session</c>).
/// With several processes on one database, a change made elsewhere reaches this process's copy and its
/// connections through <see cref="ChangedElsewhere"/> (DeliberationService.Refresh.cs).
/// </summary>
public sealed partial class DeliberationService(
    IDraftingStore store,
    IDeliberationStore records,
    DocumentRooms rooms,
    UpdateCommitter committer,
    IHubContext<BillHub> hub,
    TimeProvider clock,
    ILogger<DeliberationService> logger)
{
    internal const int MaxCommentLength = 4000;
    internal const int MaxReasonLength = 1000;
    internal const int MaxHeadingLength = 300;
    internal const int MaxBodyLength = 20_000;
    internal const int MaxAgendaItems = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A bill's deliberation lives as long as its document room: when the room is unloaded (idle), the
    // deliberation goes with it, and the next room of the bill loads it again from the store.
    private readonly ConditionalWeakTable<DocumentRoom, Lazy<Task<BillDeliberation>>> _bills = [];

    /// <summary>The bill's deliberation as this process holds it (loaded from the store with its room).</summary>
    public async Task<BillDeliberation> GetAsync(string billId)
    {
        var room = await rooms.AcquireAsync(billId, CancellationToken.None).ConfigureAwait(false);
        try
        {
            return await ForRoomAsync(room).ConfigureAwait(false);
        }
        finally
        {
            rooms.Release(room);
        }
    }

    /// <summary>The deliberation of a room the caller holds (no acquire/release of the room on the hot path).</summary>
    internal async Task<BillDeliberation> ForRoomAsync(DocumentRoom room)
    {
        var lazy = _bills.GetValue(room, r => new Lazy<Task<BillDeliberation>>(() => LoadAsync(r.BillId)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load is forgotten so the next use tries again.
            if (_bills.TryGetValue(room, out var current) && current == lazy) _bills.Remove(room);
            throw;
        }
    }

    private async Task<BillDeliberation> LoadAsync(string billId)
    {
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        var loaded = await records.LoadDeliberationAsync(billId, CancellationToken.None).ConfigureAwait(false);
        var b = new BillDeliberation(billId);
        Fill(b, loaded);
        DeliberationLog.Loaded(logger, billId, watch.ElapsedMilliseconds, loaded.Comments.Count, loaded.Stances.Count, loaded.Locks.Count);
        return b;
    }

    // Replaces everything the bill's deliberation holds with what the store holds.
    private static void Fill(BillDeliberation b, DeliberationRecords loaded)
    {
        var s = loaded.Settings;
        b.Rule = s is not null && JsonSerializer.Deserialize<ConsensusRuleView>(s.ConsensusRuleJson, Json) is { } r ? ToRule(r) : ConsensusRule.Default;
        b.ApprovalRule = s is not null && DeliberationNames.TryParseApprovalRule(s.ApprovalRule, out var ar) ? ar : ApprovalRule.Unanimity;
        b.Agenda = s is null ? [] : JsonSerializer.Deserialize<List<AgendaItemView>>(s.AgendaJson, Json) ?? [];
        b.Focus = s?.FocusClauseId;
        b.Comments.Clear();
        foreach (var c in loaded.Comments) b.Comments[c.Id] = c;
        b.Stances.Clear();
        foreach (var st in loaded.Stances) b.Stances[(st.TargetId, st.ParticipantId)] = st;
        b.Amendments.Clear();
        foreach (var a in loaded.Amendments) b.Amendments[a.Id] = a;
        b.Rounds.Clear();
        b.Rounds.AddRange(loaded.Rounds);
        b.Votes.Clear();
        b.Votes.AddRange(loaded.Votes);
        b.Ballots.Clear();
        foreach (var v in loaded.Votes) b.Ballots[v.Id] = [];
        foreach (var ballot in loaded.Ballots)
        {
            if (!b.Ballots.TryGetValue(ballot.VoteId, out var list)) b.Ballots[ballot.VoteId] = list = [];
            list.Add(ballot);
        }
        b.Seats.Clear();
        foreach (var seat in loaded.Seats ?? []) b.Seats[seat.ParticipantId] = seat;
        b.SetLocks(loaded.Locks.ToDictionary(l => l.ClauseId, StringComparer.Ordinal));
        b.SetOpenVote(loaded.Votes.LastOrDefault(v => v.ClosedAt is null));
        b.Revision = loaded.Revision;
    }

    // ---- plumbing shared by the actions

    /// <summary>
    /// Runs one action on a bill, from the store's latest state: its room acquired, its deliberation loaded,
    /// one action at a time in this process (the bill's mutex) and, for a change, across processes too (the
    /// store's hold). Under them, the state is reloaded first when another process changed it since.
    /// </summary>
    private async Task<T> ActAsync<T>(string billId, Func<BillDeliberation, DocumentRoom, Task<T>> action, bool changes = true)
    {
        var room = await rooms.AcquireAsync(billId, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var b = await ForRoomAsync(room).ConfigureAwait(false);
            await b.Mutex.WaitAsync().ConfigureAwait(false);
            try
            {
                await using var hold = changes ? await records.HoldDeliberationAsync(billId, CancellationToken.None).ConfigureAwait(false) : null;
                await CatchUpAsync(b, room).ConfigureAwait(false);
                T result;
                try
                {
                    result = await action(b, room).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not DeliberationException)
                {
                    // A refusal writes nothing; any other failure may have come after a write: reload next time.
                    b.Revision = -1;
                    throw;
                }
                // Nobody else wrote meanwhile (the hold): the memory now matches the store at this revision.
                if (changes) b.Revision = await records.DeliberationRevisionAsync(billId, CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            finally
            {
                b.Mutex.Release();
            }
        }
        finally
        {
            rooms.Release(room);
        }
    }

    // Times as the store keeps them (Unix ms), so what is in memory equals what a reload reads.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    private AuditEntry Audit(Member actor, string action, object detail)
    {
        DeliberationLog.Action(logger, action, actor.BillId, actor.ParticipantId);
        return new AuditEntry(actor.BillId, Now(), actor.ParticipantId, actor.Role.ToWire(), action, JsonSerializer.Serialize(detail, Json));
    }

    private async Task BroadcastAsync(string billId, string method, object payload)
    {
        try
        {
            await hub.Clients.Group(BillHub.GroupName(billId)).SendAsync(method, billId, payload).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the action is stored; a failed notice is caught up by the next load
        catch (Exception e)
#pragma warning restore CA1031
        {
            DeliberationLog.BroadcastFailed(logger, e, billId);
        }
    }

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static DeliberationException Refuse(string code, string message) => new(code, message);

    private static void Require(bool allowed, string message)
    {
        if (!allowed) throw Refuse(DeliberationErrors.Forbidden, message);
    }

    /// <summary>Whether the role may comment: the three groups and facilitators deliberate; clerks may raise drafting remarks.</summary>
    public static bool CanComment(Role role) => role.CanDeliberate() || role == Role.Clerk;

    /// <summary>Whether the role may read the audit log.</summary>
    public static bool CanReadAudit(Role role) => role is Role.Facilitator or Role.Clerk;

    /// <summary>An active clause's current text, read from the room's document.</summary>
    private static Clause RequireClause(DocumentRoom room, string? clauseId)
    {
        if (string.IsNullOrEmpty(clauseId)) throw Refuse(DeliberationErrors.InvalidInput, "A clause id is required.");
        BillText text;
        lock (room.Gate) text = BillDocument.Read(room.Doc);
        return text.Clauses.FirstOrDefault(c => c.Id == clauseId)
               ?? throw Refuse(DeliberationErrors.UnknownClause, $"No active clause '{clauseId}' in this bill.");
    }

    private static BillText ReadBill(DocumentRoom room)
    {
        lock (room.Gate) return BillDocument.Read(room.Doc);
    }

    private static string CleanText(string? value, int max, string what, bool required)
    {
        var v = value?.Trim() ?? "";
        if (required && v.Length == 0) throw Refuse(DeliberationErrors.InvalidInput, $"{what} is required.");
        if (v.Length > max) throw Refuse(DeliberationErrors.InvalidInput, $"{what} is at most {max} characters.");
        foreach (var ch in v)
        {
            if (char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t') throw Refuse(DeliberationErrors.InvalidInput, $"{what} holds control characters.");
        }
        return v;
    }

    internal static ConsensusRule ToRule(ConsensusRuleView v) => new(v.BlockPrevents, v.AgreeShare, v.ReservationsCountAsAgree, v.MinStancesPerGroup);

    internal static ConsensusRuleView ToView(ConsensusRule r) => new(r.BlockPrevents, r.AgreeShare, r.ReservationsCountAsAgree, r.MinStancesPerGroup);
}
