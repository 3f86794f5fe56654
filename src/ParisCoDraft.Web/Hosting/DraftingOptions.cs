namespace ParisCoDraft.Web.Hosting;

/// <summary>The <c>ParisCoDraft</c> configuration section.</summary>
public sealed class DraftingOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "ParisCoDraft";

    /// <summary>SQLite file, relative to the content root; <c>:memory:</c> for a throw-away store.</summary>
    public string Database { get; set; } = ".data/pariscodraft.db";

    /// <summary>
    /// A PostgreSQL connection string; when set, the store is PostgreSQL instead of the SQLite file in
    /// <see cref="Database"/>, and several server processes may serve the same bills (docs/storage.md).
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>Seed a demo bill on first start and print its invite links.</summary>
    public bool Demo { get; set; }

    /// <summary>Folder served as the web root; found next to the app or up the tree when unset.</summary>
    public string? WebRoot { get; set; }

    /// <summary>Origins (scheme://host[:port]) allowed to open the hub besides the app's own.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Base URL used in invite links (e.g. https://pariscodraft.example); the request's own when unset.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Compact a bill's log after this many appended updates.</summary>
    public int CompactEvery { get; set; } = 500;

    /// <summary>Export OpenTelemetry metrics for Prometheus at <c>/metrics</c> (off by default; loopback callers only).</summary>
    public bool Metrics { get; set; }

    /// <summary>With <see cref="Metrics"/>: answer <c>/metrics</c> from any address, not only loopback (behind a private network).</summary>
    public bool MetricsFromAnyAddress { get; set; }

    /// <summary>Seconds a document stays in memory once its last connection left; then it is compacted and unloaded.</summary>
    public double IdleUnloadSeconds { get; set; } = 30;
}
