using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>Every HTTP endpoint the running app maps, read from its EndpointDataSource, as "METHOD /pattern".</summary>
public static class EndpointCatalog
{
    /// <summary>The keys of every route endpoint, one per HTTP method it answers ("*" when it takes any method).</summary>
    public static SortedSet<string> Keys(TestServer server)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in server.Service<EndpointDataSource>().Endpoints)
        {
            if (endpoint is not RouteEndpoint route) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            // A group's "" and "/" routes read "/api/bills/" and "/api/bills": one key for both spellings.
            var pattern = "/" + (route.RoutePattern.RawText ?? "").Trim('/');
            if (methods is null || methods.Count == 0)
            {
                keys.Add("* " + pattern);
                continue;
            }
            foreach (var method in methods) keys.Add(method + " " + pattern);
        }
        return keys;
    }

    /// <summary>Whether a method changes state (everything but GET, HEAD, OPTIONS, TRACE).</summary>
    public static bool IsUnsafe(string key)
    {
        var method = key.Split(' ', 2)[0];
        return !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
    }
}
