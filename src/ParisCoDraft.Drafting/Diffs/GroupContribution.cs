using ParisCoDraft.Drafting.Bills;
namespace ParisCoDraft.Drafting.Diffs;

/// <summary>What one group did to one text between two versions.</summary>
/// <param name="Group">The group.</param>
/// <param name="Field">Title, preamble, heading or body.</param>
/// <param name="ClauseId">The clause, or null for title and preamble.</param>
/// <param name="ArticleNumber">The clause's article number (newer version, or older when it left the bill); 0 for title and preamble.</param>
/// <param name="Kind">Added, reworded, extended or cut.</param>
/// <param name="WordsInserted">Words the group inserted.</param>
/// <param name="WordsDeleted">Words the group deleted.</param>
public sealed record GroupContribution(
    StakeholderGroup Group,
    DiffField Field,
    string? ClauseId,
    int ArticleNumber,
    ContributionKind Kind,
    int WordsInserted,
    int WordsDeleted)
{
    /// <summary>Words touched: inserted plus deleted.</summary>
    public int Words => WordsInserted + WordsDeleted;
}
