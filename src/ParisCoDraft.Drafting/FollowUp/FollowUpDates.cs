namespace ParisCoDraft.Drafting.FollowUp;

/// <summary>The one-year review's dates.</summary>
public static class FollowUpDates
{
    /// <summary>The default due date of a commitment: one year after adoption (or after today, before adoption).</summary>
    public static DateOnly DefaultDue(DateOnly? adopted, DateOnly today) => (adopted ?? today).AddYears(1);

    /// <summary>Whether a commitment not yet done is past its due date.</summary>
    public static bool IsOverdue(DateOnly due, string status, DateOnly today) =>
        due < today && status is not ("done" or "dropped");
}
