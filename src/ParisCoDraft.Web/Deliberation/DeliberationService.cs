using System.Collections.Concurrent;
using System.Diagnostics;
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
/// The deliberation of every bill (issue 4): comments, stances, amendments, the facilitator's session
/// (agenda, focus, locks, rounds, rules) and the approval vote. Each action checks the role, writes the
/// store with its audit line in one transaction, updates the bill's state in memory and tells every
/// connection of the bill (hub events <c>Comment</c>, <c>Stance</c>, <c>Amendment</c>, <c>Session</c>).
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
    private readonly ConcurrentDictionary<string, Lazy<Task<BillDeliberation>>> _bills = new(StringComparer.Ordinal);

    /// <summary>The bill's deliberation, loaded from the store on first use.</summary>
    public async Task<BillDeliberation> GetAsync(string billId)
    {
        var lazy = _bills.GetOrAdd(billId, id => new Lazy<Task<BillDeliberation>>(() => LoadAsync(id)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _bills.TryRemove(new KeyValuePair<string, Lazy<Task<BillDeliberation>>>(billId, lazy));
            throw;
        }
    }

    private async Task<BillDeliberation> LoadAsync(string billId)
    {
        await Task.Yield();
        var watch = Stopwatch.StartNew();
        var loaded = await records.LoadDeliberationAsync(billId, CancellationToken.None).ConfigureAwait(false);
        var b = new BillDeliberation(billId);
        if (loaded.Settings is { } s)
        {
            b.Rule = JsonSerializer.Deserialize<ConsensusRuleView>(s.ConsensusRuleJson, Json) is { } r ? ToRule(r) : ConsensusRule.Default;
            b.ApprovalRule = DeliberationNames.TryParseApprovalRule(s.ApprovalRule, out var ar) ? ar : ApprovalRule.Unanimity;
            b.Agenda = JsonSerializer.Deserialize<List<AgendaItemView>>(s.AgendaJson, Json) ?? [];
            b.Focus = s.FocusClauseId;
        }
        foreach (var c in loaded.Comments) b.Comments[c.Id] = c;
        foreach (var st in loaded.Stances) b.Stances[(st.TargetId, st.ParticipantId)] = st;
        foreach (var a in loaded.Amendments) b.Amendments[a.Id] = a;
        b.Rounds.AddRange(loaded.Rounds);
        b.Votes.AddRange(loaded.Votes);
        foreach (var ballot in loaded.Ballots)
        {
            if (!b.Ballots.TryGetValue(ballot.VoteId, out var list)) b.Ballots[ballot.VoteId] = list = [];
            list.Add(ballot);
        }
        b.SetLocks(loaded.Locks.ToDictionary(l => l.ClauseId, StringComparer.Ordinal));
        b.SetOpenVote(loaded.Votes.LastOrDefault(v => v.ClosedAt is null));
        DeliberationLog.Loaded(logger, billId, watch.ElapsedMilliseconds, loaded.Comments.Count, loaded.Stances.Count, loaded.Locks.Count);
        return b;
    }

    // ---- plumbing shared by the actions

    /// <summary>Runs one action on a bill: its state loaded, its document in memory, actions one at a time.</summary>
    private async Task<T> ActAsync<T>(string billId, Func<BillDeliberation, DocumentRoom, Task<T>> action)
    {
        var b = await GetAsync(billId).ConfigureAwait(false);
        var room = await rooms.AcquireAsync(billId, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await b.Mutex.WaitAsync().ConfigureAwait(false);
            try
            {
                return await action(b, room).ConfigureAwait(false);
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

    private AuditEntry Audit(Member actor, string action, object detail)
    {
        DeliberationLog.Action(logger, action, actor.BillId, actor.ParticipantId);
        return new AuditEntry(actor.BillId, clock.GetUtcNow(), actor.ParticipantId, actor.Role.ToWire(), action, JsonSerializer.Serialize(detail, Json));
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
