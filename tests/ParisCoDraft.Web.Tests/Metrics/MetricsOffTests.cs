using System.Net;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Metrics;

/// <summary>A real server with the default settings: no metrics endpoint at all.</summary>
public sealed class MetricsOffTests : ServerTest
{
    [Fact]
    public async Task MetricsAreNotServedUnlessTurnedOn()
    {
        var browser = NewBrowser();
        var bill = await browser.CreateBillAsync("Titre");
        Assert.False(string.IsNullOrEmpty(bill.BillId));

        var response = await browser.Http.GetAsync(new Uri(Server.BaseUri, "metrics"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("pariscodraft_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
