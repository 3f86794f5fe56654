using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Deliberation;

public sealed partial class DeliberationService
{
    /// <summary>
    /// Opens the final vote on the whole bill: records the SHA-256 of the exact text and freezes the text
    /// (the update path refuses every change) until the vote closes.
    /// </summary>
    public Task<SessionView> OpenVoteAsync(Member facilitator) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (b.OpenVote is not null) throw Refuse(DeliberationErrors.Conflict, "A vote is already open.");
            var sha = ReadBill(room).Sha256();
            var eligible = (await store.ListParticipantsAsync(facilitator.BillId, CancellationToken.None).ConfigureAwait(false))
                .Count(p => p.Role == Role.Citizen.ToWire());
            var vote = new ApprovalVoteRecord(NewId("vt"), facilitator.BillId, facilitator.Participant.DisplayName, Now(), sha, b.ApprovalRule.ToWire(), eligible);
            // Frozen before the record is written: an edit racing the opening cannot slip under the hash.
            b.SetOpenVote(vote);
            try
            {
                var shaNow = ReadBill(room).Sha256();
                if (shaNow != sha) throw Refuse(DeliberationErrors.Conflict, "The text changed while the vote was opening; open it again.");
                await records.SaveVoteAsync(vote, Audit(facilitator, "vote.open", new { voteId = vote.Id, textSha256 = sha, rule = vote.Rule, eligible }),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                b.SetOpenVote(null);
                throw;
            }
            b.Votes.Add(vote);
            b.Ballots[vote.Id] = [];
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>An assembly member (citizen) approves the bill or not; a second ballot replaces the first while the vote is open.</summary>
    public Task<SessionView> CastBallotAsync(Member member, bool approves) =>
        ActAsync(member.BillId, async (b, room) =>
        {
            Require(member.Role == Role.Citizen, "Only assembly members (citizens) vote on the bill.");
            var vote = b.OpenVote ?? throw Refuse(DeliberationErrors.Conflict, "No vote is open.");
            var sha = ReadBill(room).Sha256();
            if (sha != vote.TextSha256) throw Refuse(DeliberationErrors.Conflict, "The text differs from the one put to the vote.");
            var ballot = new ApprovalBallotRecord(vote.Id, member.ParticipantId, member.Participant.DisplayName, approves, Now(), sha);
            await records.SaveBallotAsync(ballot, Audit(member, "vote.ballot", new { voteId = vote.Id, approves, textSha256 = sha }), CancellationToken.None).ConfigureAwait(false);
            var list = b.Ballots[vote.Id];
            list.RemoveAll(x => x.ParticipantId == member.ParticipantId);
            list.Add(ballot);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Closes the vote, decides it by the bill's rule and records the outcome; the text is unfrozen.</summary>
    public Task<SessionView> CloseVoteAsync(Member facilitator) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var vote = b.OpenVote ?? throw Refuse(DeliberationErrors.Conflict, "No vote is open.");
            var ballots = b.Ballots[vote.Id].Select(x => new ApprovalBallot(x.ParticipantId, x.DisplayName, x.Approves, x.CastAt, x.TextSha256)).ToList();
            DeliberationNames.TryParseApprovalRule(vote.Rule, out var rule);
            var outcome = ApprovalOutcome.Decide(ballots, vote.Eligible, rule, vote.TextSha256);
            var view = new VoteOutcomeView(outcome.Approved, outcome.For, outcome.Against, outcome.Eligible, vote.Rule, vote.TextSha256);
            var closed = vote with { ClosedBy = facilitator.Participant.DisplayName, ClosedAt = Now(), OutcomeJson = JsonSerializer.Serialize(view, Json) };
            await records.SaveVoteAsync(closed, Audit(facilitator, "vote.close", new { voteId = vote.Id, outcome = view }), CancellationToken.None).ConfigureAwait(false);
            b.Votes[b.Votes.IndexOf(vote)] = closed;
            b.SetOpenVote(null);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });
}
