namespace ParisCoDraft.Storage.Postgres;

/// <summary>What a <see cref="PresenceNotice"/> says.</summary>
public enum PresenceNoticeKind
{
    /// <summary>Latest presence states of some of a bill's clients (removals included), one per body line.</summary>
    States,

    /// <summary>A process has just loaded a bill: the others send it their own clients' states of that bill.</summary>
    Query,

    /// <summary>The process is alive (sent every few seconds).</summary>
    Heartbeat,

    /// <summary>The process is stopping: every state it announced is gone.</summary>
    Leaving,
}
