using ParisCoDraft.Web.Deliberation;

namespace ParisCoDraft.Web.Hubs;

// Deliberation: thin hub methods over DeliberationService; every method needs Join first and
// answers with the changed view (the same view goes to everyone of the bill as an event).
public sealed partial class BillHub
{
    /// <summary>Everything about the bill's deliberation (on load and after every reconnect).</summary>
    public Task<DeliberationView> GetDeliberation(string billId) => Run(billId, (_, __) => deliberation.ViewAsync(billId));

    /// <summary>Adds a comment or a reply.</summary>
    public Task<CommentView> AddComment(string billId, NewComment comment) => Run(billId, (s, m) => s.AddCommentAsync(m, comment ?? new NewComment(null, null, null, null, null, null, null, null)));

    /// <summary>Changes one's own comment.</summary>
    public Task<CommentView> EditComment(string billId, string commentId, string body) => Run(billId, (s, m) => s.EditCommentAsync(m, commentId, body));

    /// <summary>Deletes one's own comment (a trace stays).</summary>
    public Task<CommentView> DeleteComment(string billId, string commentId) => Run(billId, (s, m) => s.DeleteCommentAsync(m, commentId));

    /// <summary>Resolves (true) or reopens (false) a thread.</summary>
    public Task<CommentView> ResolveComment(string billId, string commentId, bool resolved) => Run(billId, (s, m) => s.ResolveCommentAsync(m, commentId, resolved));

    /// <summary>Hides a comment (facilitator), with a reason.</summary>
    public Task<CommentView> HideComment(string billId, string commentId, string reason) => Run(billId, (s, m) => s.HideCommentAsync(m, commentId, reason));

    /// <summary>Sets, changes or confirms one's stance on a clause or an amendment.</summary>
    public Task<StanceView> SetStance(string billId, NewStance stance) => Run(billId, (s, m) => s.SetStanceAsync(m, stance ?? new NewStance(null, null, null)));

    /// <summary>Withdraws one's stance.</summary>
    public Task<bool> WithdrawStance(string billId, string targetId) => Run(billId, (s, m) => s.WithdrawStanceAsync(m, targetId));

    /// <summary>Proposes an amendment.</summary>
    public Task<AmendmentView> ProposeAmendment(string billId, NewAmendment amendment) => Run(billId, (s, m) => s.ProposeAmendmentAsync(m, amendment ?? new NewAmendment(null, null, null, null, null)));

    /// <summary>Adopts an amendment (facilitator).</summary>
    public Task<AmendmentView> AdoptAmendment(string billId, string amendmentId, string? note) => Run(billId, (s, m) => s.AdoptAmendmentAsync(m, amendmentId, note));

    /// <summary>Sets an amendment aside (facilitator).</summary>
    public Task<AmendmentView> SetAmendmentAside(string billId, string amendmentId, string? note) => Run(billId, (s, m) => s.SetAmendmentAsideAsync(m, amendmentId, note));

    /// <summary>Sets the agenda (facilitator).</summary>
    public Task<SessionView> SetAgenda(string billId, AgendaEntry[] items) => Run(billId, (s, m) => s.SetAgendaAsync(m, items));

    /// <summary>Starts an agenda item's timer and focuses its clause (facilitator).</summary>
    public Task<SessionView> StartAgendaItem(string billId, string clauseId) => Run(billId, (s, m) => s.StartAgendaItemAsync(m, clauseId));

    /// <summary>Ends the running agenda item (facilitator).</summary>
    public Task<SessionView> EndAgendaItem(string billId) => Run(billId, (s, m) => s.EndAgendaItemAsync(m));

    /// <summary>Focuses everyone on a clause, or releases the focus with null (facilitator).</summary>
    public Task<SessionView> SetFocus(string billId, string? clauseId) => Run(billId, (s, m) => s.SetFocusAsync(m, clauseId));

    /// <summary>Locks a clause's text, with a reason (facilitator).</summary>
    public Task<SessionView> LockClause(string billId, string clauseId, string reason) => Run(billId, (s, m) => s.LockClauseAsync(m, clauseId, reason));

    /// <summary>Unlocks a clause (facilitator).</summary>
    public Task<SessionView> UnlockClause(string billId, string clauseId) => Run(billId, (s, m) => s.UnlockClauseAsync(m, clauseId));

    /// <summary>Opens a consensus round on a clause (facilitator).</summary>
    public Task<SessionView> OpenRound(string billId, string clauseId) => Run(billId, (s, m) => s.OpenRoundAsync(m, clauseId));

    /// <summary>Closes the open round and records its result (facilitator).</summary>
    public Task<SessionView> CloseRound(string billId) => Run(billId, (s, m) => s.CloseRoundAsync(m));

    /// <summary>Changes the bill's consensus rule (facilitator).</summary>
    public Task<SessionView> SetConsensusRule(string billId, ConsensusRuleView rule) => Run(billId, (s, m) => s.SetConsensusRuleAsync(m, rule));

    /// <summary>Changes the final vote's rule: unanimity or majority (facilitator).</summary>
    public Task<SessionView> SetApprovalRule(string billId, string rule) => Run(billId, (s, m) => s.SetApprovalRuleAsync(m, rule));

    /// <summary>Opens the final approval vote; the text is frozen until it closes (facilitator).</summary>
    public Task<SessionView> OpenVote(string billId) => Run(billId, (s, m) => s.OpenVoteAsync(m));

    /// <summary>Casts (or replaces) one's ballot (citizens).</summary>
    public Task<SessionView> CastBallot(string billId, bool approves) => Run(billId, (s, m) => s.CastBallotAsync(m, approves));

    /// <summary>Closes the vote and records the outcome (facilitator).</summary>
    public Task<SessionView> CloseVote(string billId) => Run(billId, (s, m) => s.CloseVoteAsync(m));

    private async Task<T> Run<T>(string billId, Func<DeliberationService, Auth.Member, Task<T>> action)
    {
        var joined = RequireJoined(billId);
        try
        {
            return await action(deliberation, joined.Member).ConfigureAwait(false);
        }
        catch (DeliberationException e)
        {
            throw Rejected(e.Code, e.Message, joined, billId);
        }
    }
}
