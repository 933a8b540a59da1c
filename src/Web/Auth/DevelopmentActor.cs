using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Web.Auth;

/// <summary>
/// Development and test only: the acting user comes from the <c>X-Dev-Actor</c> header, as
/// <c>owner:{id}</c> or <c>{receptionist|vet|clinicadmin}:{id}@{clinicId}</c>. Identity replaces this seam.
/// </summary>
public sealed class DevelopmentActor(IHttpContextAccessor http) : ICurrentActor
{
    public const string Header = "X-Dev-Actor";

    public Actor? Actor => Parse(http.HttpContext?.Request.Headers[Header].ToString());

    public static Actor? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var (roleText, rest) = Split(value, ':');
        var (idText, clinicText) = Split(rest, '@');
        if (!Enum.TryParse<ActorRole>(roleText, ignoreCase: true, out var role) || !Guid.TryParse(idText, out var id))
            return null;
        if (role == ActorRole.Owner)
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

/// <summary>Outside development nobody is signed in until identity lands.</summary>
public sealed class NobodySignedIn : ICurrentActor
{
    public Actor? Actor => null;
}
