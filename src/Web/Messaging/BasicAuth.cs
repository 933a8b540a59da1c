using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace VetOS.Web.Messaging;

/// <summary>HTTP basic authentication for a webhook: the configured user and password, compared in fixed time; none configured, none pass.</summary>
public static class BasicAuth
{
    public static bool Matches(HttpRequest request, string user, string password)
    {
        if (user.Length == 0 || password.Length == 0
            || !AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(given), SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public static IResult Challenge(string realm) => new ChallengeResult(realm);

    private sealed class ChallengeResult(string realm) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{realm}\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in with the webhook's credentials.").ExecuteAsync(context);
        }
    }
}
