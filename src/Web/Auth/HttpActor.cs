using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Web.Auth;

/// <summary>
/// Who makes the current request: the signed-in account from the session cookie, or, in development and tests
/// only, the <c>X-Dev-Actor</c> header (see <see cref="DevelopmentActor"/>).
/// </summary>
public sealed class HttpActor(IHttpContextAccessor http, bool allowDevelopmentHeader) : ICurrentActor
{
    public Actor? Actor
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
                return null;
            if (allowDevelopmentHeader && context.Request.Headers.TryGetValue(DevelopmentActor.Header, out var header))
                return DevelopmentActor.Parse(header.ToString());
            return SessionCookie.ActorOf(context.User);
        }
    }
}

/// <summary>
/// Development and test only: the acting user as <c>owner:{id}</c> or <c>operator:{id}</c> or <c>{receptionist|vet|clinicadmin|auditor}:{id}@{clinicId}</c>
/// in the <c>X-Dev-Actor</c> header: tests and the benchmark act as anyone without signing in.
/// </summary>
public static class DevelopmentActor
{
    public const string Header = "X-Dev-Actor";

    public static Actor? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var (roleText, rest) = Split(value, ':');
        var (idText, clinicText) = Split(rest, '@');
        if (!Enum.TryParse<ActorRole>(roleText, ignoreCase: true, out var role) || !Guid.TryParse(idText, out var id))
            return null;
        if (!Actor.BelongsToAClinic(role))
            return clinicText.Length == 0 ? new Actor(id, role) : null;
        return Guid.TryParse(clinicText, out var clinic) ? new Actor(id, role, new ClinicId(clinic)) : null;
    }

    public static string For(Actor actor) =>
        actor.Clinic is { } clinic ? $"{actor.Role}:{actor.Id}@{clinic}" : $"{actor.Role}:{actor.Id}";

    private static (string, string) Split(string value, char separator)
    {
        var at = value.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (value, "") : (value[..at], value[(at + 1)..]);
    }
}
