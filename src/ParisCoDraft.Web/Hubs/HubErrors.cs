using Microsoft.AspNetCore.SignalR;

namespace ParisCoDraft.Web.Hubs;

/// <summary>The rejection codes of docs/protocol.md; a rejection's message starts with its code.</summary>
public static class HubErrors
{
    /// <summary>No such bill.</summary>
    public const string UnknownBill = "unknown-bill";
    /// <summary>Sync or Awareness before Join.</summary>
    public const string NotJoined = "not-joined";
    /// <summary>No live session for the bill, or revoked.</summary>
    public const string Forbidden = "forbidden";
    /// <summary>The role may not change the text.</summary>
    public const string ReadOnly = "read-only";
    /// <summary>Content written under a client id that is not the caller's.</summary>
    public const string ForeignClient = "foreign-client";
    /// <summary>The update does not decode.</summary>
    public const string UpdateMalformed = "update-malformed";
    /// <summary>The update is over the limit.</summary>
    public const string UpdateTooLarge = "update-too-large";
    /// <summary>The sync or awareness message does not decode.</summary>
    public const string MessageMalformed = "message-malformed";
    /// <summary>The store could not write the update (disk full, read-only file, database down): nothing was stored; send it again later.</summary>
    public const string StoreUnavailable = "store-unavailable";

    /// <summary>The exception sent to the caller.</summary>
    public static HubException Reject(string code, string message) => new($"{code}: {message}");
}
