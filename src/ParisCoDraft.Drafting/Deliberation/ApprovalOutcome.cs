namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>The result of a closed approval vote.</summary>
public sealed record ApprovalOutcome(bool Approved, int For, int Against, int Eligible, ApprovalRule Rule, string BillTextSha256)
{
    /// <summary>
    /// Decides a vote. Ballots cast on another text than <paramref name="billTextSha256"/> are refused:
    /// the vote must be on one exact text.
    /// </summary>
    public static ApprovalOutcome Decide(IReadOnlyCollection<ApprovalBallot> ballots, int eligible, ApprovalRule rule, string billTextSha256)
    {
        if (ballots.Any(b => b.BillTextSha256 != billTextSha256))
        {
            throw new InvalidOperationException("A ballot was cast on a different text than the one put to the vote.");
        }
        var forCount = ballots.Count(b => b.Approves);
        var against = ballots.Count - forCount;
        var approved = rule switch
        {
            ApprovalRule.Unanimity => forCount > 0 && against == 0,
            ApprovalRule.Majority => forCount * 2 > ballots.Count,
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        return new ApprovalOutcome(approved, forCount, against, eligible, rule, billTextSha256);
    }
}
