using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using VetOS.Application.Accounts;
using VetOS.Domain;

using VetOS.Web.Http;

namespace VetOS.Web.Auth;

/// <summary>
/// The one essential cookie: the session. __Host- prefixed, HttpOnly, Secure, SameSite=Lax; idle timeout and absolute
/// lifetime. It carries the session's id, the account, its role and clinic, and the security stamp: signing out ends the
/// session on the server, and when the stamp moves (new password, new role, removed from the clinic) every session of
/// that account ends at its next request.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Host-vetos";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string SignedInAt = "vetos:signed-in-at";
    private const string ClinicClaim = "vetos:clinic";
    private const string StampClaim = "vetos:stamp";
    private const string SessionClaim = "vetos:session";

    public static IServiceCollection AddSessionCookie(this IServiceCollection services, bool plainHttp)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = PlainHttp.CookieName(Name, plainHttp);
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = PlainHttp.SecurePolicy(plainHttp);
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            // The API answers 401; a page sends the browser to sign in, and back afterwards.
            options.Events.OnRedirectToLogin = context => context.Request.IsForTheApi()
                ? Status(context.Response, StatusCodes.Status401Unauthorized)
                : Redirect(context.Response, $"/sign-in?returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}");
            options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        services.AddAuthorization();
        return services;
    }

    public static Task SignInAsync(HttpContext context, Session session)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        List<Claim> claims =
        [
            new(SessionClaim, session.Id.ToString()),
            new(ClaimTypes.NameIdentifier, session.Account.ToString()),
            new(ClaimTypes.Role, session.Role.ToString()),
            new(StampClaim, session.Stamp),
            new(SignedInAt, now.ToString("O", CultureInfo.InvariantCulture)),
        ];
        if (session.Clinic is { } clinic)
            claims.Add(new Claim(ClinicClaim, clinic.ToString()));
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

    /// <summary>The session a valid cookie belongs to.</summary>
    public static Guid? SessionOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SessionClaim), out var session) ? session : null;

    /// <summary>The actor a valid session cookie stands for.</summary>
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account)
            || !Enum.TryParse<ActorRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
            return null;
        return Guid.TryParse(user.FindFirstValue(ClinicClaim), out var clinic)
            ? new Actor(account, role, new ClinicId(clinic))
            : new Actor(account, role);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var current = user?.FindFirstValue(SignedInAt) is { } since
                      && DateTimeOffset.Parse(since, CultureInfo.InvariantCulture) + AbsoluteLifetime > now
                      && SessionOf(user) is { } session
                      && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account)
                      && user.FindFirstValue(StampClaim) is { } stamp
                      && await context.HttpContext.RequestServices.GetRequiredService<IAccounts>()
                          .IsSessionCurrentAsync(session, account, stamp, context.HttpContext.RequestAborted);
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Redirect(HttpResponse response, string location)
    {
        response.Redirect(location);
        return Task.CompletedTask;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
