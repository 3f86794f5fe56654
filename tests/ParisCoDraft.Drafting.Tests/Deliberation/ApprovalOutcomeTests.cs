using ParisCoDraft.Drafting.Deliberation;

namespace ParisCoDraft.Drafting.Tests.Deliberation;

public class ApprovalOutcomeTests
{
    private static ApprovalBallot Ballot(string who, bool approves, string sha = "abc") =>
        new(who, who, approves, DateTimeOffset.UnixEpoch, sha);

    [Fact]
    public void UnanimityFailsOnASingleNo()
    {
        var outcome = ApprovalOutcome.Decide([Ballot("a", true), Ballot("b", true), Ballot("c", false)], 3, ApprovalRule.Unanimity, "abc");

        Assert.False(outcome.Approved);
        Assert.Equal((2, 1), (outcome.For, outcome.Against));
    }

    [Fact]
    public void UnanimityPassesWhenEveryBallotApproves() =>
        Assert.True(ApprovalOutcome.Decide([Ballot("a", true), Ballot("b", true)], 100, ApprovalRule.Unanimity, "abc").Approved);

    [Fact]
    public void NoBallotApprovesNothing() =>
        Assert.False(ApprovalOutcome.Decide([], 100, ApprovalRule.Unanimity, "abc").Approved);

    [Fact]
    public void MajorityNeedsMoreThanHalf()
    {
        Assert.False(ApprovalOutcome.Decide([Ballot("a", true), Ballot("b", false)], 2, ApprovalRule.Majority, "abc").Approved);
        Assert.True(ApprovalOutcome.Decide([Ballot("a", true), Ballot("b", false), Ballot("c", true)], 3, ApprovalRule.Majority, "abc").Approved);
    }

    [Fact]
    public void RefusesBallotsCastOnAnotherText() =>
        Assert.Throws<InvalidOperationException>(() =>
            ApprovalOutcome.Decide([Ballot("a", true), Ballot("b", true, sha: "other")], 2, ApprovalRule.Unanimity, "abc"));
}
