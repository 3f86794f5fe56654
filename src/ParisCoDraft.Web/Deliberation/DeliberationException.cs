namespace ParisCoDraft.Web.Deliberation;

/// <summary>A refused deliberation action: a code from <see cref="DeliberationErrors"/> and a message for people.</summary>
public sealed class DeliberationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliberationException(string code, string message) : base(message) => Code = code;

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public DeliberationException() : this(DeliberationErrors.InvalidInput, "Refused.") { }

    /// <summary>Creates the exception with a message only.</summary>
    public DeliberationException(string message) : this(DeliberationErrors.InvalidInput, message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public DeliberationException(string message, Exception inner) : base(message, inner) => Code = DeliberationErrors.InvalidInput;

    /// <summary>The refusal code.</summary>
    public string Code { get; } = DeliberationErrors.InvalidInput;

    /// <summary>HTTP status for the code.</summary>
    public int HttpStatus => Code switch
    {
        DeliberationErrors.Forbidden => 403,
        DeliberationErrors.UnknownClause or DeliberationErrors.UnknownComment or DeliberationErrors.UnknownAmendment => 404,
        DeliberationErrors.Conflict or DeliberationErrors.Locked => 409,
        _ => 400,
    };
}
