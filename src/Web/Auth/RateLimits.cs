using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using VetOS.Web.Http;

namespace VetOS.Web.Auth;

/// <summary>Attempts allowed per client IP and per account (the submitted address, or the account of a reset link) in each window.</summary>
public sealed class RateLimit
{
    public int PerIp { get; set; }
    public int PerAccount { get; set; }
    public TimeSpan Window { get; set; }
}

public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";
    public static readonly string[] All = [SignIn, SignUp, ForgotPassword, ResetPassword];
}

/// <summary>
/// The <c>RateLimits</c> section, e.g. <c>RateLimits:SignIn:PerAccount</c>. Per-IP limits are generous: a clinic's
/// front desk may sign many owners up from one address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit SignIn { get; set; } = new() { PerIp = 30, PerAccount = 10, Window = TimeSpan.FromMinutes(1) };
    public RateLimit SignUp { get; set; } = new() { PerIp = 30, PerAccount = 3, Window = TimeSpan.FromMinutes(15) };
    public RateLimit ForgotPassword { get; set; } = new() { PerIp = 30, PerAccount = 3, Window = TimeSpan.FromMinutes(15) };
    public RateLimit ResetPassword { get; set; } = new() { PerIp = 30, PerAccount = 10, Window = TimeSpan.FromMinutes(15) };

    public RateLimit For(string policy) => policy switch
    {
        RateLimitPolicies.SignIn => SignIn,
        RateLimitPolicies.SignUp => SignUp,
        RateLimitPolicies.ForgotPassword => ForgotPassword,
        RateLimitPolicies.ResetPassword => ResetPassword,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such rate limit."),
    };

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(permits, 1), Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>
/// The per-account half of the limits. The address is only known once the body is read, so an endpoint filter asks
/// this limiter; it counts the submitted address whether or not an account has it, so a 429 reveals nothing.
/// </summary>
public sealed class AccountRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string Policy, string Account)> limiter =
        PartitionedRateLimiter.Create<(string Policy, string Account), (string Policy, string Account)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => RateLimitOptions.Window(options.Value.For(k.Policy).PerAccount, options.Value.For(k.Policy).Window)));

    public RateLimitLease AttemptAcquire(string policy, string? account) =>
        limiter.AttemptAcquire((policy, account?.Trim().ToUpperInvariant() ?? ""));

    public void Dispose() => limiter.Dispose();
}

public static class RateLimitedEndpoints
{
    /// <summary>Limits the endpoint per client IP (the rate-limiting middleware) and per account, as <paramref name="accountOf"/> reads it from the bound <typeparamref name="TBody"/>.</summary>
    public static RouteHandlerBuilder RateLimited<TBody>(this RouteHandlerBuilder endpoint, string policy, Func<TBody, string?> accountOf) =>
        endpoint.RequireRateLimiting(policy)
            .AddEndpointFilter(async (context, next) =>
            {
                var account = context.Arguments.OfType<TBody>().Select(accountOf).FirstOrDefault();
                using var lease = context.HttpContext.RequestServices.GetRequiredService<AccountRateLimiter>().AttemptAcquire(policy, account);
                return lease.IsAcquired ? await next(context) : TooManyAttempts(context.HttpContext, lease);
            })
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    internal static Results<ProblemHttpResult, ContentHttpResult> TooManyAttempts(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // The API answers a problem document; a page (the portal's forms) answers in words, on a page.
        return context.Request.IsForTheApi()
            ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts.", detail: "Wait a little, then try again.")
            : TypedResults.Content(Accounts.AccountEndpoints.Page("Too many attempts. Wait a little, then try again."), "text/html; charset=utf-8",
                statusCode: StatusCodes.Status429TooManyRequests);
    }
}
