namespace ParisCoDraft.Crdt;

/// <summary>
/// Thrown when an update, state vector, snapshot, relative position or protocol message is truncated,
/// corrupted, hostile or exceeds a bound. When thrown by an apply operation the document is unchanged.
/// </summary>
public class UpdateDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UpdateDecodeException() : base("Invalid update.") { }

    /// <summary>Creates the exception with a message.</summary>
    public UpdateDecodeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UpdateDecodeException(string message, Exception inner) : base(message, inner) { }
}
