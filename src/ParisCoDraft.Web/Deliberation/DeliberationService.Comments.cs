using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>Adds a comment (a thread, or a reply when ParentId is set); author, role and time are the server's.</summary>
    public Task<CommentView> AddCommentAsync(Member author, NewComment input) =>
        ActAsync(author.BillId, async (b, room) =>
        {
            Require(CanComment(author.Role), "Observers read the discussion but do not take part in it.");
            var body = CleanText(input.Body, MaxCommentLength, "The comment", required: true);
            string clauseId;
            string? amendmentId = null;
            if (input.ParentId is { } parentId)
            {
                var parent = b.Comments.GetValueOrDefault(parentId) ?? throw Refuse(DeliberationErrors.UnknownComment, "No such comment to reply to.");
                if (parent.ParentId is not null) throw Refuse(DeliberationErrors.InvalidInput, "Reply to the thread's first comment.");
                clauseId = parent.ClauseId;
                amendmentId = parent.AmendmentId;
            }
            else if (input.AmendmentId is { } aid)
            {
                var amendment = b.Amendments.GetValueOrDefault(aid) ?? throw Refuse(DeliberationErrors.UnknownAmendment, "No such amendment.");
                clauseId = amendment.ClauseId ?? amendment.AfterClauseId ?? "";
                amendmentId = aid;
            }
            else
            {
                clauseId = RequireClause(room, input.ClauseId).Id;
            }

            string? field = null, quote = null;
            byte[]? start = null, end = null;
            if (input.ParentId is null && amendmentId is null && (input.AnchorStart is not null || input.AnchorEnd is not null))
            {
                if (input.Field is not ("heading" or "body")) throw Refuse(DeliberationErrors.InvalidInput, "A range is on the heading or the body.");
                if (CommentAnchor.Validate(input.AnchorStart, input.AnchorEnd) is { } error) throw Refuse(DeliberationErrors.InvalidInput, error);
                AnchorResolution? resolved;
                lock (room.Gate) resolved = CommentAnchor.Resolve(room.Doc, clauseId, input.Field, input.AnchorStart!, input.AnchorEnd!);
                if (resolved is null || resolved.Deleted) throw Refuse(DeliberationErrors.InvalidInput, "The range is not in this clause's current text.");
                (field, start, end) = (input.Field, input.AnchorStart, input.AnchorEnd);
                quote = resolved.Quote.Length > 500 ? resolved.Quote[..500] : resolved.Quote;
            }

            var record = new CommentRecord(NewId("cm"), author.BillId, clauseId, amendmentId, input.ParentId, author.ParticipantId,
                author.Participant.DisplayName, author.Role.ToWire(), body, field, start, end, quote, Now());
            await records.SaveCommentAsync(record, Audit(author, "comment.add",
                new { commentId = record.Id, clauseId, amendmentId, parentId = input.ParentId, field, quote, body }), CancellationToken.None).ConfigureAwait(false);
            b.Comments[record.Id] = record;
            return await PublishCommentAsync(record, room).ConfigureAwait(false);
        });

    /// <summary>Changes one's own comment's text.</summary>
    public Task<CommentView> EditCommentAsync(Member author, string commentId, string? text) =>
        ActAsync(author.BillId, async (b, room) =>
        {
            var c = OwnLiveComment(b, author, commentId);
            var body = CleanText(text, MaxCommentLength, "The comment", required: true);
            var changed = c with { Body = body, Edited = Now() };
            await records.SaveCommentAsync(changed, Audit(author, "comment.edit", new { commentId, before = c.Body, after = body }), CancellationToken.None).ConfigureAwait(false);
            b.Comments[commentId] = changed;
            return await PublishCommentAsync(changed, room).ConfigureAwait(false);
        });

    /// <summary>Deletes one's own comment: its text goes, a trace stays in the thread and the audit keeps the text.</summary>
    public Task<CommentView> DeleteCommentAsync(Member author, string commentId) =>
        ActAsync(author.BillId, async (b, room) =>
        {
            var c = OwnLiveComment(b, author, commentId);
            var changed = c with { Deleted = Now() };
            await records.SaveCommentAsync(changed, Audit(author, "comment.delete", new { commentId, body = c.Body }), CancellationToken.None).ConfigureAwait(false);
            b.Comments[commentId] = changed;
            return await PublishCommentAsync(changed, room).ConfigureAwait(false);
        });

    /// <summary>Resolves (or reopens) a thread: its author or a facilitator.</summary>
    public Task<CommentView> ResolveCommentAsync(Member actor, string commentId, bool resolved) =>
        ActAsync(actor.BillId, async (b, room) =>
        {
            var c = b.Comments.GetValueOrDefault(commentId) ?? throw Refuse(DeliberationErrors.UnknownComment, "No such comment.");
            if (c.ParentId is not null) throw Refuse(DeliberationErrors.InvalidInput, "Resolve the thread, not a reply.");
            Require(CanComment(actor.Role) && (c.AuthorId == actor.ParticipantId || actor.Role.CanFacilitate() || actor.Role.CanDeliberate()),
                "Only people taking part in the discussion resolve threads.");
            if ((c.Resolved is not null) == resolved) return CommentViewUnderGate(c, room);
            var changed = resolved ? c with { Resolved = Now(), ResolvedBy = actor.Participant.DisplayName } : c with { Resolved = null, ResolvedBy = null };
            await records.SaveCommentAsync(changed, Audit(actor, resolved ? "comment.resolve" : "comment.reopen", new { commentId }), CancellationToken.None).ConfigureAwait(false);
            b.Comments[commentId] = changed;
            return await PublishCommentAsync(changed, room).ConfigureAwait(false);
        });

    /// <summary>A facilitator hides a comment: its text is withheld from everyone, the trace (who, why) is shown, the audit keeps the text.</summary>
    public Task<CommentView> HideCommentAsync(Member facilitator, string commentId, string? reason) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            Require(facilitator.Role.CanFacilitate(), "Only a facilitator hides comments.");
            var c = b.Comments.GetValueOrDefault(commentId) ?? throw Refuse(DeliberationErrors.UnknownComment, "No such comment.");
            var why = CleanText(reason, MaxReasonLength, "The reason for hiding", required: true);
            if (c.Hidden is not null) return CommentViewUnderGate(c, room);
            var changed = c with { Hidden = Now(), HiddenBy = facilitator.Participant.DisplayName, HiddenReason = why };
            await records.SaveCommentAsync(changed, Audit(facilitator, "comment.hide", new { commentId, reason = why, author = c.AuthorName, body = c.Body }), CancellationToken.None).ConfigureAwait(false);
            b.Comments[commentId] = changed;
            return await PublishCommentAsync(changed, room).ConfigureAwait(false);
        });

    private static CommentRecord OwnLiveComment(BillDeliberation b, Member author, string commentId)
    {
        var c = b.Comments.GetValueOrDefault(commentId) ?? throw Refuse(DeliberationErrors.UnknownComment, "No such comment.");
        Require(c.AuthorId == author.ParticipantId, "Only its author changes a comment.");
        if (c.Deleted is not null || c.Hidden is not null) throw Refuse(DeliberationErrors.Conflict, "This comment was deleted or hidden.");
        return c;
    }

    private static CommentView CommentViewUnderGate(CommentRecord c, DocumentRoom room)
    {
        lock (room.Gate) return CommentViewOf(c, room);
    }

    private async Task<CommentView> PublishCommentAsync(CommentRecord c, DocumentRoom room)
    {
        var view = CommentViewUnderGate(c, room);
        await BroadcastAsync(c.BillId, "Comment", view).ConfigureAwait(false);
        return view;
    }
}
