using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>The session cookie: issued fresh at every join, HttpOnly, SameSite=Strict, Secure over HTTPS.</summary>
public sealed class SessionCookieTests : ServerTest
{
    [Fact]
    public async Task JoiningIssuesAFreshSessionAndNeverAdoptsACookieSetBefore()
    {
        var bill = await NewBrowser().CreateBillAsync();
        // An attacker's own live session, planted in the victim's browser before the victim joins (session fixation).
        var attacker = NewBrowser();
        await attacker.JoinOkAsync(bill.Invites["observer"], "Eve");
        var planted = attacker.Cookies.GetCookies(Server.BaseUri)["pcd_" + bill.BillId]!.Value;
        var victim = NewBrowser();
        victim.Cookies.Add(Server.BaseUri, new Cookie("pcd_" + bill.BillId, planted));

        await victim.JoinOkAsync(bill.Invites["citizen"], "Camille");

        var issued = victim.Cookies.GetCookies(Server.BaseUri)["pcd_" + bill.BillId]!.Value;
        Assert.NotEqual(planted, issued);
        var (_, me) = await victim.GetJsonAsync($"api/bills/{bill.BillId}/me");
        Assert.Equal("Camille", me.GetProperty("displayName").GetString());
        // The planted token still names the attacker only; an invented one names nobody.
        var (_, attackerMe) = await attacker.GetJsonAsync($"api/bills/{bill.BillId}/me");
        Assert.Equal("Eve", attackerMe.GetProperty("displayName").GetString());
        var inventor = NewBrowser();
        inventor.Cookies.Add(Server.BaseUri, new Cookie("pcd_" + bill.BillId, "chosen-by-the-attacker-0123456789"));
        await inventor.JoinOkAsync(bill.Invites["citizen"], "Dominique");
        Assert.NotEqual("chosen-by-the-attacker-0123456789", inventor.Cookies.GetCookies(Server.BaseUri)["pcd_" + bill.BillId]!.Value);
        using var stranger = new Browser(Server.BaseUri);
        stranger.Cookies.Add(Server.BaseUri, new Cookie("pcd_" + bill.BillId, "chosen-by-the-attacker-0123456789"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetJsonAsync($"api/bills/{bill.BillId}/me")).Status);
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOverPlainHttp()
    {
        var bill = await NewBrowser().CreateBillAsync();
        using var join = await NewBrowser().JoinAsync(bill.Invites["citizen"], "Camille");

        var cookie = join.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pcd_" + bill.BillId + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();

        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes);
    }

    [Fact]
    public async Task TheSessionCookieIsSecureWhenServedOverHttps()
    {
        using var certificate = SelfSigned();
        var pfx = Dir.File("tls.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test")).Bounded();
        await using var https = await TestServer.StartAsync(Dir.File("https.db"), new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "test",
        });
        Assert.Equal("https", https.BaseUri.Scheme);
        using var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var http = new HttpClient(handler) { BaseAddress = https.BaseUri, Timeout = Within.Default };

        using var created = await http.PostAsJsonAsync("api/bills", new { title = "Titre", displayName = "Fatou" }).Bounded();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cookie = created.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pcd_", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("httponly", attributes);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
