using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Hosting;

namespace ParisCoDraft.Web.Demo;

/// <summary>
/// With <c>ParisCoDraft:Demo=true</c>, seeds the demo bill (id <c>demo</c>) on first start and prints one
/// invite link per role once the server listens. Secrets are stored hashed and cannot be shown again, so a
/// later start issues a fresh link per role for the existing demo bill (earlier ones keep working), so that
/// whoever runs the demo always has a way in.
/// </summary>
internal sealed class DemoSeeder(
    IDraftingStore store, IOptions<DraftingOptions> options, IHostApplicationLifetime lifetime, IServer server,
    TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    /// <summary>The demo bill's id.</summary>
    public const string BillId = "demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo) return;
        IReadOnlyList<(string Role, string Url)> links;
        if (await store.GetBillAsync(BillId, cancellationToken).ConfigureAwait(false) is not null)
        {
            DemoLog.AlreadySeeded(logger, BillId);
            var fresh = new List<(string, string)>();
            foreach (var role in Enum.GetValues<Role>())
            {
                var (invite, secret) = InviteLinks.New(BillId, role, clock.GetUtcNow());
                await store.CreateInviteAsync(invite, cancellationToken).ConfigureAwait(false);
                fresh.Add((role.ToWire(), InviteLinks.Url("", secret)));
            }
            links = fresh;
        }
        else
        {
            var (_, created) = await BillCreation.CreateAsync(store, DemoBill.Title, DemoBill.Preamble, DemoBill.Clauses,
                baseUrl: "", clock.GetUtcNow(), creatorName: null, cancellationToken, BillId).ConfigureAwait(false);
            links = [.. created.Select(l => (l.Role, l.Url))];
        }
        lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = BaseUrl();
            DemoLog.Seeded(logger, BillId, baseUrl + "/bills/" + BillId);
            foreach (var (role, url) in links) DemoLog.Link(logger, role, baseUrl + url);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        return address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
