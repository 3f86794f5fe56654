namespace ParisCoDraft.Storage;

/// <summary>The store cannot be used as asked (schema too new, unusable location).</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public StoreException() { }
}
