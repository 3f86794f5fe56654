using System.Text.RegularExpressions;
using ParisCoDraft.Crdt;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed partial class DemoSeedTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ParisCoDraft:Demo"] = "true" };

    [GeneratedRegex(@"demo invite, observer\s*: (http://\S+/join/\S+)")]
    private static partial Regex ObserverLink();

    [Fact]
    public async Task SeedsTheDemoBillWithItsClausesAndPrintsALinkPerRole()
    {
        await Within.Until(() => TestServer.LogLines.Any(l => l.Contains(Server.BaseUri.Authority, StringComparison.Ordinal) && ObserverLink().IsMatch(l)),
            what: "the demo links were printed");
        var link = TestServer.LogLines.Select(l => ObserverLink().Match(l)).Last(m => m.Success && m.Value.Contains(Server.BaseUri.Authority, StringComparison.Ordinal)).Groups[1].Value;

        var reader = NewBrowser();
        await reader.JoinOkAsync(link, "Lecteur");
        await using var peer = await Peer.JoinAsync(reader, "demo");
        await peer.SyncAsync();

        Assert.Contains("vagues de chaleur", peer.Title, StringComparison.Ordinal);
        var clauses = peer.Doc.GetMap("clauses");
        Assert.Equal(5, clauses.Count);
        var headings = clauses.Entries.Select(e => (YMap)e.Value!)
            .OrderBy(m => (string)m.Get("order")!, StringComparer.Ordinal)
            .Select(m => m.Get("heading")!.ToString()).ToList();
        Assert.Equal("Îlots de fraîcheur", headings[0]);
        Assert.Equal("Suivi citoyen", headings[^1]);

        await RestartAsync(); // a second start keeps the bill (and the reader's session) and issues fresh links
        using var again = new Browser(Server.BaseUri);
        foreach (System.Net.Cookie c in reader.Cookies.GetAllCookies()) again.Cookies.Add(Server.BaseUri, new System.Net.Cookie(c.Name, c.Value));
        var (status, bill) = await again.GetJsonAsync("api/bills/demo");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("Lecteur", bill.GetProperty("me").GetProperty("displayName").GetString());
        await Within.Until(() => TestServer.LogLines.Any(l => l.Contains("'demo' already exists", StringComparison.Ordinal)));

        // Whoever runs the demo again gets a way in: a new link per role, and the first ones still work.
        string? fresh = null;
        await Within.Until(() =>
        {
            fresh = TestServer.LogLines.Select(l => ObserverLink().Match(l))
                .LastOrDefault(m => m.Success && m.Value.Contains(Server.BaseUri.Authority, StringComparison.Ordinal))?.Groups[1].Value;
            return fresh is not null && fresh != link;
        }, what: "fresh demo links were printed after the restart");
        var newcomer = NewBrowser();
        await newcomer.JoinOkAsync(fresh!, "Nouvelle");
        await newcomer.JoinOkAsync(link, "Ancienne");
        await using var second = await Peer.JoinAsync(newcomer, "demo");
        await second.SyncAsync();
        Assert.Equal(5, second.Doc.GetMap("clauses").Count);
    }
}
