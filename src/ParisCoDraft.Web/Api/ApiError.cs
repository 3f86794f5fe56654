namespace ParisCoDraft.Web.Api;

/// <summary>The body of every error answer: a stable code for programs and a message for people.</summary>
public sealed record ApiError(string Error, string Message)
{
    /// <summary>400 with a code.</summary>
    public static IResult BadRequest(string code, string message) => Results.Json(new ApiError(code, message), statusCode: 400);

    /// <summary>401: no live session for this bill.</summary>
    public static IResult NoSession() =>
        Results.Json(new ApiError("no-session", "No live session for this bill: open an invite link first."), statusCode: 401);

    /// <summary>403: the role does not allow it.</summary>
    public static IResult Forbidden(string message) => Results.Json(new ApiError("forbidden", message), statusCode: 403);

    /// <summary>404 with a code.</summary>
    public static IResult NotFound(string code, string message) => Results.Json(new ApiError(code, message), statusCode: 404);

    /// <summary>404 for a bill that does not exist.</summary>
    public static IResult UnknownBill() => NotFound("unknown-bill", "There is no such bill.");
}
