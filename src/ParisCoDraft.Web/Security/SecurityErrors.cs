namespace ParisCoDraft.Web.Security;

/// <summary>
/// The refusal codes of the access and abuse controls (docs/security.md, docs/protocol.md): HTTP answers carry
/// them as <c>error</c>, hub refusals start with them.
/// </summary>
public static class SecurityErrors
{
    /// <summary>Too many requests (HTTP 429 with Retry-After) or hub calls over the connection's budget.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>A hub connection already holds the participant's share of connections to the bill.</summary>
    public const string TooManyConnections = "too-many-connections";

    /// <summary>An unsafe request sent from another site.</summary>
    public const string CrossSiteRequest = "cross-site-request";

    /// <summary>The invite link is past its lifetime.</summary>
    public const string InviteExpired = "invite-expired";
}
