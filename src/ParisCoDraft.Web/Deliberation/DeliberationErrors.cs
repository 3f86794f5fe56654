namespace ParisCoDraft.Web.Deliberation;

/// <summary>The deliberation's refusal codes (docs/protocol.md); hub errors start with the code, HTTP errors carry it.</summary>
public static class DeliberationErrors
{
    /// <summary>An edit touches a locked clause, or the text is frozen during the approval vote.</summary>
    public const string Locked = "locked";
    /// <summary>The role may not do this.</summary>
    public const string Forbidden = "forbidden";
    /// <summary>Missing or bad input.</summary>
    public const string InvalidInput = "invalid-input";
    /// <summary>No such active clause.</summary>
    public const string UnknownClause = "unknown-clause";
    /// <summary>No such comment.</summary>
    public const string UnknownComment = "unknown-comment";
    /// <summary>No such amendment.</summary>
    public const string UnknownAmendment = "unknown-amendment";
    /// <summary>The action does not fit the current state (a round already open, a decided amendment...).</summary>
    public const string Conflict = "conflict";
    /// <summary>The floor goes only to someone whose hand is raised.</summary>
    public const string HandNotRaised = "hand-not-raised";
    /// <summary>Nobody has the floor to take back.</summary>
    public const string NoFloor = "no-floor";
}
