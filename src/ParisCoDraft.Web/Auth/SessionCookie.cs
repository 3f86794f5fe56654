namespace ParisCoDraft.Web.Auth;

/// <summary>One HttpOnly, SameSite=Strict cookie per bill, <c>pcd_{billId}</c>, holding the session token (Secure over HTTPS).</summary>
public static class SessionCookie
{
    /// <summary>The cookie name for a bill.</summary>
    public static string Name(string billId) => "pcd_" + billId;

    /// <summary>Sets the bill's session cookie on the response.</summary>
    public static void Set(HttpResponse response, string billId, string token)
    {
        response.Cookies.Append(Name(billId), token, new CookieOptions
        {
            HttpOnly = true,
            // Strict: never sent with a request another site starts, not even a top-level navigation. The pages
            // need no cookie to load; their own fetches and hub connection are same-site and carry it.
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    /// <summary>The bill's session token sent with the request, if any.</summary>
    public static string? Read(IRequestCookieCollection cookies, string billId) =>
        cookies.TryGetValue(Name(billId), out var value) && Tokens.IsWellFormed(value) ? value : null;
}
