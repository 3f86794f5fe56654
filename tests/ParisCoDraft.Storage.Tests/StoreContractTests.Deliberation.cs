using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task LoadsEverythingAboutABillsDeliberationAsSaved()
    {
        await CreateBillAsync("b1");
        var ct = CancellationToken.None;
        var settings = new DeliberationSettingsRecord("b1", "{\"rule\":\"consent\"}", "majority", "[\"k1\"]", "k1", Now);
        var comment = new CommentRecord("c1", "b1", "k1", null, null, "pa", "Camille", "citizen", "Trop vague", "body", [1, 2], [3], "vague", Now);
        var stance = new StanceRecord("b1", "k1", "pa", "Camille", "citizen", "support", null, "h1", Now);
        var amendment = new AmendmentRecord("a1", "b1", "k1", null, "Titre", "Corps", "Parce que", "T0", "C0", "pa", "Camille", "citizen", Now, "open");
        var lck = new ClauseLockRecord("b1", "k2", "vote", "pf", Now);
        var round = new ConsensusRoundRecord("r1", "b1", "k1", "pf", Now);
        var vote = new ApprovalVoteRecord("v1", "b1", "pf", Now, "sha", "majority", 12);
        var ballot = new ApprovalBallotRecord("v1", "pa", "Camille", true, Now, "sha");

        await Deliberation.SaveSettingsAsync(settings, Audit("b1", "settings"), ct).Bounded();
        await Deliberation.SaveCommentAsync(comment, Audit("b1", "comment"), ct).Bounded();
        await Deliberation.SaveStanceAsync(stance, Audit("b1", "stance"), ct).Bounded();
        await Deliberation.SaveAmendmentAsync(amendment, Audit("b1", "amendment"), ct).Bounded();
        await Deliberation.SaveLockAsync(lck, Audit("b1", "lock"), ct).Bounded();
        await Deliberation.SaveRoundAsync(round, Audit("b1", "round"), ct).Bounded();
        await Deliberation.SaveVoteAsync(vote, Audit("b1", "vote"), ct).Bounded();
        await Deliberation.SaveBallotAsync(ballot, Audit("b1", "ballot"), ct).Bounded();

        var all = await Deliberation.LoadDeliberationAsync("b1", ct).Bounded();
        Assert.Equal(settings, all.Settings);
        Assert.Equal(comment with { AnchorStart = null, AnchorEnd = null }, all.Comments.Single() with { AnchorStart = null, AnchorEnd = null });
        Assert.Equal([1, 2], all.Comments.Single().AnchorStart);
        Assert.Equal(stance, all.Stances.Single());
        Assert.Equal(amendment, all.Amendments.Single());
        Assert.Equal(lck, all.Locks.Single());
        Assert.Equal(round, all.Rounds.Single());
        Assert.Equal(vote, all.Votes.Single());
        Assert.Equal(ballot, all.Ballots.Single());
        Assert.Equal(["settings", "comment", "stance", "amendment", "lock", "round", "vote", "ballot"],
            (await Store.ListAuditAsync("b1", 50, ct).Bounded()).Select(a => a.Action));
        Assert.Null((await Deliberation.LoadDeliberationAsync("b2", ct).Bounded()).Settings);
    }

    [Fact]
    public async Task ReplacingACommentChangesOnlyWhatMayChange()
    {
        await CreateBillAsync("b1");
        var comment = new CommentRecord("c1", "b1", "k1", null, null, "pa", "Camille", "citizen", "Premier", null, null, null, null, Now);
        await Deliberation.SaveCommentAsync(comment, Audit("b1", "comment"), CancellationToken.None).Bounded();
        await Deliberation.SaveCommentAsync(comment with { Body = "Corrigé", Edited = Now.AddMinutes(1), AuthorName = "Forged", Hidden = Now.AddMinutes(2), HiddenBy = "pf", HiddenReason = "hors sujet" },
            Audit("b1", "comment.edit"), CancellationToken.None).Bounded();

        var saved = (await Deliberation.LoadDeliberationAsync("b1", CancellationToken.None).Bounded()).Comments.Single();
        Assert.Equal(("Corrigé", Now.AddMinutes(1), "Camille", "hors sujet"), (saved.Body, saved.Edited, saved.AuthorName, saved.HiddenReason));
    }

    [Fact]
    public async Task WithdrawingAStanceOrUnlockingAClauseIsAuditedOnlyWhenSomethingChanged()
    {
        await CreateBillAsync("b1");
        var ct = CancellationToken.None;
        await Deliberation.SaveStanceAsync(new StanceRecord("b1", "k1", "pa", "Camille", "citizen", "support", null, "h", Now), Audit("b1", "stance"), ct).Bounded();
        await Deliberation.SaveStanceAsync(new StanceRecord("b1", "k1", "pa", "Camille", "citizen", "block", "non", "h2", Now), Audit("b1", "stance"), ct).Bounded();
        Assert.Equal("block", (await Deliberation.LoadDeliberationAsync("b1", ct).Bounded()).Stances.Single().Stance);

        Assert.True(await Deliberation.DeleteStanceAsync("b1", "k1", "pa", Audit("b1", "withdraw"), ct).Bounded());
        Assert.False(await Deliberation.DeleteStanceAsync("b1", "k1", "pa", Audit("b1", "withdraw"), ct).Bounded());
        await Deliberation.SaveLockAsync(new ClauseLockRecord("b1", "k1", "vote", "pf", Now), Audit("b1", "lock"), ct).Bounded();
        Assert.True(await Deliberation.DeleteLockAsync("b1", "k1", Audit("b1", "unlock"), ct).Bounded());
        Assert.False(await Deliberation.DeleteLockAsync("b1", "k1", Audit("b1", "unlock"), ct).Bounded());

        Assert.Equal(["stance", "stance", "withdraw", "lock", "unlock"], (await Store.ListAuditAsync("b1", 50, ct).Bounded()).Select(a => a.Action));
        var all = await Deliberation.LoadDeliberationAsync("b1", ct).Bounded();
        Assert.Empty(all.Stances);
        Assert.Empty(all.Locks);
    }

    [Fact]
    public async Task ClosingARoundAndAVoteKeepsHowTheyWereOpened()
    {
        await CreateBillAsync("b1");
        var ct = CancellationToken.None;
        var round = new ConsensusRoundRecord("r1", "b1", "k1", "pf", Now);
        await Deliberation.SaveRoundAsync(round, Audit("b1", "open"), ct).Bounded();
        await Deliberation.SaveRoundAsync(round with { OpenedBy = "forged", ClosedBy = "pf", ClosedAt = Now.AddHours(1), ResultJson = "{}" }, Audit("b1", "close"), ct).Bounded();
        var vote = new ApprovalVoteRecord("v1", "b1", "pf", Now, "sha", "majority", 3);
        await Deliberation.SaveVoteAsync(vote, Audit("b1", "vote"), ct).Bounded();
        await Deliberation.SaveBallotAsync(new ApprovalBallotRecord("v1", "pa", "A", true, Now, "sha"), Audit("b1", "ballot"), ct).Bounded();
        await Deliberation.SaveBallotAsync(new ApprovalBallotRecord("v1", "pa", "A", false, Now.AddMinutes(1), "sha"), Audit("b1", "ballot"), ct).Bounded();
        await Deliberation.SaveVoteAsync(vote with { ClosedBy = "pf", ClosedAt = Now.AddHours(2), OutcomeJson = "{\"ok\":true}" }, Audit("b1", "vote.close"), ct).Bounded();

        var all = await Deliberation.LoadDeliberationAsync("b1", ct).Bounded();
        Assert.Equal(round with { ClosedBy = "pf", ClosedAt = Now.AddHours(1), ResultJson = "{}" }, all.Rounds.Single());
        Assert.Equal(vote with { ClosedBy = "pf", ClosedAt = Now.AddHours(2), OutcomeJson = "{\"ok\":true}" }, all.Votes.Single());
        Assert.False(all.Ballots.Single().Approves);
    }

    [Fact]
    public async Task EveryDeliberationChangeAddsOneToItsBillsRevisionAndALoadSaysWhichRevisionItRead()
    {
        await CreateBillAsync("b1");
        await CreateBillAsync("b2");
        var ct = CancellationToken.None;
        Assert.Equal(0, await Deliberation.DeliberationRevisionAsync("b1", ct).Bounded());
        Assert.Equal(0, (await Deliberation.LoadDeliberationAsync("b1", ct).Bounded()).Revision);

        await Deliberation.SaveCommentAsync(new CommentRecord("c1", "b1", "k1", null, null, "pa", "Camille", "citizen", "Trop vague", null, null, null, null, Now),
            Audit("b1", "comment.add"), ct).Bounded();
        await Deliberation.SaveLockAsync(new ClauseLockRecord("b1", "k1", "vote", "pf", Now), Audit("b1", "clause.lock"), ct).Bounded();
        Assert.False(await Deliberation.DeleteStanceAsync("b1", "k1", "pa", Audit("b1", "stance.withdraw"), ct).Bounded()); // nothing changed
        await Deliberation.SaveLockAsync(new ClauseLockRecord("b2", "k9", "vote", "pf", Now), Audit("b2", "clause.lock"), ct).Bounded();

        Assert.Equal(2, await Deliberation.DeliberationRevisionAsync("b1", ct).Bounded());
        Assert.Equal(2, (await Deliberation.LoadDeliberationAsync("b1", ct).Bounded()).Revision);
        Assert.Equal(1, await Deliberation.DeliberationRevisionAsync("b2", ct).Bounded());

        await RestartAsync();
        Assert.True(await Deliberation.DeleteLockAsync("b1", "k1", Audit("b1", "clause.unlock"), ct).Bounded());
        Assert.Equal(3, await Deliberation.DeliberationRevisionAsync("b1", ct).Bounded());
    }

    [Fact]
    public async Task HoldingABillsDeliberationGivesItBackWhenDisposed()
    {
        await CreateBillAsync("b1");
        await using (await Deliberation.HoldDeliberationAsync("b1", CancellationToken.None).Bounded())
        {
            await using var other = await Deliberation.HoldDeliberationAsync("b2", CancellationToken.None).Bounded();
        }
        await using var again = await Deliberation.HoldDeliberationAsync("b1", CancellationToken.None).Bounded();
    }
}
