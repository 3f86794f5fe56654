using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Hosting;

/// <summary>Opens the store at startup (failing fast) and says where it is, loudly when it is throw-away.</summary>
internal sealed class StoreAnnouncer(IDraftingStore store, ILogger<StoreAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HostLog.Store(logger, store.Location);
        if (store.IsThrowaway) HostLog.ThrowawayStore(logger, store.Location);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
