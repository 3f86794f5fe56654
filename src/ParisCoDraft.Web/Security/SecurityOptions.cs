namespace ParisCoDraft.Web.Security;

/// <summary>
/// The <c>ParisCoDraft:Security</c> section: how hard the server pushes back on guessing, flooding and
/// stale invites (docs/security.md). The defaults fit a room of a hundred or more people joining from
/// behind one workshop router (one address) within a minute.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "ParisCoDraft:Security";

    /// <summary>Join attempts (preview or join, right or wrong) one address may make at once.</summary>
    public int JoinBurstPerAddress { get; set; } = 150;

    /// <summary>Join attempts per minute one address gets back once its burst is spent.</summary>
    public int JoinsPerMinutePerAddress { get; set; } = 60;

    /// <summary>Participants who may join one bill at once.</summary>
    public int JoinBurstPerBill { get; set; } = 200;

    /// <summary>Participants per minute who may join one bill once its burst is spent.</summary>
    public int JoinsPerMinutePerBill { get; set; } = 60;

    /// <summary>How long an invite link opens the bill after it was created; zero or less: forever.</summary>
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(120);

    /// <summary>Live hub connections one participant may hold on one bill (tabs, reconnects not yet noticed).</summary>
    public int ConnectionsPerParticipant { get; set; } = 12;

    /// <summary>Hub calls one connection may make at once.</summary>
    public int HubMessageBurst { get; set; } = 240;

    /// <summary>Hub calls per second one connection gets back once its burst is spent.</summary>
    public int HubMessagesPerSecond { get; set; } = 60;

    /// <summary>Calls refused for the budget after which the connection is closed.</summary>
    public int HubRefusalsBeforeClose { get; set; } = 200;
}
