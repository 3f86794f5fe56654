using System.Diagnostics.Metrics;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Hubs;

/// <summary>
/// The server's own metrics, on one <see cref="Meter"/> (<see cref="MeterName"/>). Recorded always (an
/// instrument nobody listens to costs a branch); exported at <c>/metrics</c> only when
/// <c>ParisCoDraft:Metrics</c> is on (<see cref="Hosting.MetricsHostExtensions"/>). Updates per second are the
/// rate of <c>pariscodraft.updates</c>.
/// </summary>
public sealed class HubMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ParisCoDraft";

    private static readonly double[] MillisecondBuckets = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _updates;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _append;
    private readonly Histogram<double> _broadcast;

    /// <summary>Creates the instruments; gauges read <paramref name="services"/> when collected.</summary>
    public HubMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("pariscodraft.connections", "{connection}", "Hub connections open on this process.");
        _updates = meter.CreateCounter<long>("pariscodraft.updates", "{update}", "Document updates accepted (durably appended, applied and broadcast).");
        _rejected = meter.CreateCounter<long>("pariscodraft.updates.rejected", "{update}", "Document updates refused, by error code.");
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = MillisecondBuckets };
        _append = meter.CreateHistogram("pariscodraft.append.duration", "ms", "From handing an update to the group commit to its durable append.", advice: advice);
        _broadcast = meter.CreateHistogram("pariscodraft.broadcast.duration", "ms", "Handing an accepted update to this process's other connections of the bill.", advice: advice);
        meter.CreateObservableGauge("pariscodraft.rooms", () => services.GetRequiredService<DocumentRooms>().Count, "{room}", "Bill documents loaded in memory.");
        meter.CreateObservableCounter("pariscodraft.fanout.applied", () => services.GetService<PostgresFanout>()?.Applied ?? 0, "{notice}",
            "Other processes' appends applied to a loaded document (PostgreSQL).");
        meter.CreateObservableCounter("pariscodraft.presence.sent", () => services.GetService<PostgresPresence>()?.NoticesSent ?? 0, "{notice}",
            "Presence notices sent to the other processes (PostgreSQL).");
        meter.CreateObservableCounter("pariscodraft.presence.received", () => services.GetService<PostgresPresence>()?.NoticesReceived ?? 0, "{notice}",
            "Presence notices received from the other processes (PostgreSQL).");
    }

    /// <summary>A hub connection opened.</summary>
    public void Connected() => _connections.Add(1);

    /// <summary>A hub connection closed.</summary>
    public void Disconnected() => _connections.Add(-1);

    /// <summary>An update was durably appended in <paramref name="milliseconds"/>.</summary>
    public void Appended(double milliseconds)
    {
        _updates.Add(1);
        _append.Record(milliseconds);
    }

    /// <summary>An accepted update was handed to the bill's other connections in <paramref name="milliseconds"/>.</summary>
    public void Broadcast(double milliseconds) => _broadcast.Record(milliseconds);

    /// <summary>An update was refused with <paramref name="code"/>.</summary>
    public void Rejected(string code) => _rejected.Add(1, new KeyValuePair<string, object?>("code", code));
}
