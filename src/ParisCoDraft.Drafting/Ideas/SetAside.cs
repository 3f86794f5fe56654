namespace ParisCoDraft.Drafting.Ideas;

/// <summary>The idea was set aside; the reason is required, because participants are owed one.</summary>
public sealed record SetAside : IdeaDisposition
{
    /// <summary>Creates the disposition; <paramref name="reason"/> must not be blank.</summary>
    public SetAside(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Setting an idea aside needs a reason.", nameof(reason));
        Reason = reason.Trim();
    }

    /// <summary>Why it was set aside.</summary>
    public string Reason { get; }
}
