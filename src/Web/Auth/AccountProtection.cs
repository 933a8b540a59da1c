using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VetOS.Web.Auth;

/// <summary>What guards the accounts' doors: cross-site writes refused, rate limits per IP and per account, antiforgery on forms.</summary>
public static class AccountProtection
{
    public const string AntiforgeryCookie = "__Host-vetos-antiforgery";

    public static IServiceCollection AddAccountProtection(this IServiceCollection services, bool plainHttp)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<AccountRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
                new ValueTask(RateLimitedEndpoints.TooManyAttempts(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext));
            foreach (var policy in RateLimitPolicies.All)
                limiter.AddPolicy(policy, context =>
                {
                    var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.For(policy);
                    return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "",
                        _ => RateLimitOptions.Window(limit.PerIp, limit.Window));
                });
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = PlainHttp.CookieName(AntiforgeryCookie, plainHttp);
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = PlainHttp.SecurePolicy(plainHttp);
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
        });
        return services;
    }

    /// <summary>After authentication and authorization, as antiforgery requires.</summary>
    public static IApplicationBuilder UseAccountProtection(this IApplicationBuilder app) =>
        app.UseMiddleware<CrossSiteWrites>().UseRateLimiter().UseAntiforgery();
}
