using System.Net;
using Microsoft.AspNetCore.Http;
using ParisCoDraft.Web.Hosting;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Metrics;

/// <summary>A real server with <c>ParisCoDraft:Metrics</c> on, scraped as Prometheus would.</summary>
[Collection(AloneCollection.Name)]
public sealed class MetricsEndpointTests : ServerTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ParisCoDraft:Metrics"] = "true" };

    [Fact]
    public async Task ServesConnectionsRoomsUpdatesLatenciesAndRejectionsByCodeToALoopbackScraper()
    {
        var bill = await NewBrowser().CreateBillAsync("Titre");
        var citizen = NewBrowser();
        await citizen.JoinOkAsync(bill.Invites["citizen"], "Camille");
        await using var writer = await Peer.JoinAsync(citizen, bill.BillId);
        var observer = NewBrowser();
        await observer.JoinOkAsync(bill.Invites["observer"], "Presse");
        await using var reader = await Peer.JoinAsync(observer, bill.BillId);
        await writer.SyncAsync();
        await writer.AppendToTitleAsync(" amendé");
        await writer.AppendToTitleAsync(" deux fois");
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => reader.AppendToTitleAsync(" piraté"));
        Assert.Equal("read-only", refused.Code);

        var text = "";
        await Within.UntilAsync(async () =>
        {
            var response = await citizen.Http.GetAsync(new Uri(Server.BaseUri, "metrics"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            return Value(text, "pariscodraft_updates_total") >= 2 && Value(text, "pariscodraft_updates_rejected_total", "code=\"read-only\"") >= 1;
        }, what: "the metrics show the two updates and the refusal");

        Assert.Equal(2, Value(text, "pariscodraft_connections"));
        Assert.Equal(1, Value(text, "pariscodraft_rooms"));
        Assert.True(Value(text, "pariscodraft_append_duration_milliseconds_count") >= 2);
        Assert.True(Value(text, "pariscodraft_broadcast_duration_milliseconds_count") >= 2);
        Assert.True(Value(text, "pariscodraft_append_duration_milliseconds_bucket", "le=\"+Inf\"") >= 2);
    }

    [Fact]
    public void AnswersOnlyLoopbackCallersUnlessAnyAddressIsAllowed()
    {
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        var local = new DefaultHttpContext();
        local.Connection.RemoteIpAddress = IPAddress.IPv6Loopback;

        Assert.False(MetricsHostExtensions.MayScrape(remote, anyAddress: false));
        Assert.True(MetricsHostExtensions.MayScrape(remote, anyAddress: true));
        Assert.True(MetricsHostExtensions.MayScrape(local, anyAddress: false));
    }

    /// <summary>The value of the first sample of metric <paramref name="name"/> (with that label, if given); -1 if none.</summary>
    private static double Value(string exposition, string name, string? label = null)
    {
        foreach (var line in exposition.Split('\n'))
        {
            // "name{labels} value [timestamp]" or "name value [timestamp]"
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not (' ' or '{')) continue;
            if (label is not null && !line.Contains(label, StringComparison.Ordinal)) continue;
            var rest = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
            return double.Parse(rest.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        return -1;
    }
}
