namespace ParisCoDraft.Web.Tests.Support;

/// <summary>Which of the fuzzing connections sends a message: a writer (citizen) or a reader (observer).</summary>
public enum HubFuzzSender
{
    /// <summary>A citizen who announced <see cref="HubFuzzer.WriterClientId"/> at Join.</summary>
    Writer,

    /// <summary>An observer who announced <see cref="HubFuzzer.ReaderClientId"/> at Join.</summary>
    Reader,
}
