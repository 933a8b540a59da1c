using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace VetOS.Web.Auth;

/// <summary>The one essential cookie: the session. __Host- prefixed, HttpOnly, Secure, SameSite=Lax; idle timeout and absolute lifetime.</summary>
public static class SessionCookie
{
    public const string Name = "__Host-vetos";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string SignedInAt = "vetos:signed-in-at";

    public static IServiceCollection AddSessionCookie(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = Name;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = async context =>
            {
                var since = context.Principal?.FindFirstValue(SignedInAt);
                if (since is null || DateTimeOffset.Parse(since, CultureInfo.InvariantCulture) + AbsoluteLifetime < TimeProvider.System.GetUtcNow())
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
        });
        services.AddAuthorization();
        return services;
    }

    public static Task SignInAsync(HttpContext context, Guid account) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.ToString()),
                new Claim(SignedInAt, TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme)));

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
