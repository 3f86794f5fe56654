using Microsoft.AspNetCore.SignalR;

namespace ParisCoDraft.Web.Security;

/// <summary>Wiring of the access and abuse controls (docs/security.md).</summary>
public static class SecurityHostExtensions
{
    /// <summary>Registers the options, the rate limiter, the connection cap and the hub filter.</summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section));
        RequestGuards.Register(services);
        services.AddSingleton<ConnectionCap>();
        services.AddSingleton<HubAbuseFilter>();
        // The global hub options: a HubOptions<BillHub> is only read when set through AddHubOptions<BillHub>.
        services.Configure<HubOptions>(o => o.AddFilter<HubAbuseFilter>());
        return services;
    }

    /// <summary>The cross-site check and the rate limiter, early in the pipeline (after the security headers).</summary>
    public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<CrossSiteRequestCheck>();
        app.UseRateLimiter();
        return app;
    }
}
