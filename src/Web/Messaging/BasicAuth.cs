using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VetOS.Web.Messaging;

/// <summary>HTTP basic authentication for a webhook: the login a request sends, and the challenge when it is not the right one.</summary>
public static class BasicAuth
{
    /// <summary>The <c>user:password</c> bytes of a Basic Authorization header, or null without a well-formed one.</summary>
    public static byte[]? LoginOf(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        try
        {
            return Convert.FromBase64String(header.Parameter);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static ProblemHttpResult Challenge(HttpResponse response, string realm)
    {
        response.Headers.WWWAuthenticate = $"Basic realm=\"{realm}\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in with the webhook's credentials.");
    }
}
