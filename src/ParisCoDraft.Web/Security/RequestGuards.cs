using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ParisCoDraft.Web.Api;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// The rate limits of the HTTP side, on ASP.NET Core's rate limiter: join attempts per client address
/// (policy <see cref="JoinPolicy"/>, on the invite preview and the join) and joins per bill
/// (<see cref="TryJoinBill"/>, once the invite has named its bill). A refusal is 429 with Retry-After and
/// the code <c>rate-limited</c>.
/// </summary>
public sealed class RequestGuards : IDisposable
{
    /// <summary>The endpoint policy name for join attempts per address.</summary>
    public const string JoinPolicy = "join-per-address";

    private readonly PartitionedRateLimiter<string> _perBill;
    private readonly ILogger<RequestGuards> _logger;

    /// <summary>Builds the per-bill limiter from the options.</summary>
    public RequestGuards(IOptions<SecurityOptions> options, ILogger<RequestGuards> logger)
    {
        _logger = logger;
        var o = options.Value;
        _perBill = PartitionedRateLimiter.Create<string, string>(billId =>
            RateLimitPartition.GetTokenBucketLimiter(billId, _ => Bucket(o.JoinBurstPerBill, o.JoinsPerMinutePerBill)));
    }

    /// <summary>Takes one join of <paramref name="billId"/>; null when allowed, else the 429 to answer.</summary>
    public IResult? TryJoinBill(HttpContext http, string billId)
    {
        using var lease = _perBill.AttemptAcquire(billId);
        if (lease.IsAcquired) return null;
        SecurityLog.BillJoinRateExceeded(_logger, billId);
        SetRetryAfter(http, lease);
        return Refusal("Too many people joined this bill just now: wait a moment and try again.");
    }

    /// <summary>Registers the rate limiter and its policies.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<RequestGuards>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                SetRetryAfter(context.HttpContext, context.Lease);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new ApiError("rate-limited", "Too many attempts from this address: wait a moment and try again."), ct).ConfigureAwait(false);
            };
            limiter.AddPolicy(JoinPolicy, http =>
            {
                var o = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(AddressOf(http),
                    _ => Bucket(o.JoinBurstPerAddress, o.JoinsPerMinutePerAddress));
            });
        });
    }

    /// <summary>The client's address as Kestrel saw it (behind a proxy: configure forwarded headers first).</summary>
    public static string AddressOf(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = Math.Max(1, burst),
        // One token back every 60/perMinute seconds (at least every 10 ms), so Retry-After stays short and honest.
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(Math.Max(10, 60_000.0 / Math.Max(1, perMinute))),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static IResult Refusal(string message) =>
        Results.Json(new ApiError("rate-limited", message), statusCode: StatusCodes.Status429TooManyRequests);

    private static void SetRetryAfter(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Ceiling(retryAfter.TotalSeconds) : 1;
        http.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _perBill.Dispose();
}
