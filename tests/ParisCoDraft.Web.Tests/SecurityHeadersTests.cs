using System.Net;
using ParisCoDraft.Web.Hosting;
using ParisCoDraft.Web.Tests.Support;
using ParisCoDraft.Web.Tests.Versions;

namespace ParisCoDraft.Web.Tests;

public sealed class SecurityHeadersTests : VersionsTest
{
    [Theory]
    [InlineData("")]
    [InlineData("join/not-a-real-invite")]
    [InlineData("healthz")]
    [InlineData("api/bills/no-such-bill")]
    public async Task EveryResponseLimitsScriptsToTheAppAndSendsNoReferrer(string path)
    {
        using var response = await NewBrowser().Http.GetAsync(path).Bounded();

        Assert.Equal(SecurityHeaders.PagePolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task AnExportedHtmlFileKeepsItsStricterPolicyThatRunsNoScriptAtAll()
    {
        using var response = await Clerk.Http.GetAsync(Api("export?format=html")).Bounded();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"<no {name} header>";
}
